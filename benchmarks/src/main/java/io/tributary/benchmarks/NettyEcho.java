package io.tributary.benchmarks;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The network floor: a Netty echo server (the transport Tributary's server uses) and a blocking socket client (as the
 * MongoDB Java driver is) exchanging a message the size of a small command. No request can be answered faster.
 */
final class NettyEcho {
  private static final int MESSAGE_BYTES = 200;

  private NettyEcho() {}

  /** Round-trip latencies of {@code count} sequential echoes. */
  static Samples roundTrips(int count) {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                  ctx.writeAndFlush((ByteBuf) msg);
                }
              });
            }
          }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
      return measure(((InetSocketAddress) server.localAddress()).getPort(), count);
    } finally {
      group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static Samples measure(int port, int count) {
    Samples samples = new Samples(count);
    byte[] message = new byte[MESSAGE_BYTES];
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        out.write(message);
        in.readFully(message);
        samples.add(System.nanoTime() - start);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return samples;
  }
}
