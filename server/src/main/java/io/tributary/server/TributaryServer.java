package io.tributary.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tributary.engine.Engine;
import io.tributary.server.wire.FrameDecoder;
import io.tributary.server.wire.ReplyEncoder;
import io.tributary.server.wire.RequestDecoder;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A running Tributary server: a Netty acceptor speaking the MongoDB wire protocol in front of one {@link Engine}.
 * Created by {@link Tributary.Builder#start()}; {@link #close()} stops accepting, closes every connection, lets
 * running commands finish, and closes the engine.
 *
 * <p>Implementation notes: the engine is built only after the port is bound (it must advertise the port actually
 * bound), so the acceptor starts with reading disabled and begins accepting once the engine exists. Commands run
 * on a cached pool of worker threads, never on the event loops; per-connection order is kept by
 * {@link ConnectionHandler}. Thread-safe.
 */
public final class TributaryServer implements AutoCloseable {
  private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

  private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
      new DefaultThreadFactory("tributary-accept", true), NioIoHandler.newFactory());
  private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(0,
      new DefaultThreadFactory("tributary-io", true), NioIoHandler.newFactory());
  private final ExecutorService workers = Executors.newCachedThreadPool(
      new DefaultThreadFactory("tributary-worker", true));
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final ReplyEncoder encoder = new ReplyEncoder();
  private final RequestDecoder decoder = new RequestDecoder();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Engine engine;
  private Channel serverChannel;
  private String advertisedAddress;

  private TributaryServer() {}

  /**
   * Binds {@code bindIp:port} (0 for a free port), then builds the engine with {@code engineFactory}, which
   * receives the advertised {@code host:port}.
   */
  static TributaryServer start(String bindIp, int port, Function<String, Engine> engineFactory) {
    TributaryServer server = new TributaryServer();
    try {
      server.bind(bindIp, port);
      server.engine = engineFactory.apply(server.advertisedAddress);
      server.serverChannel.config().setAutoRead(true);
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  private void bind(String bindIp, int port) {
    serverChannel = new ServerBootstrap()
        .group(acceptor, io)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channels.add(channel);
            channel.pipeline().addLast(new FrameDecoder(), decoder, encoder, new ConnectionHandler(
                new RequestHandler(engine.dispatcher(), workers), engine.connections()));
          }
        })
        .bind(bindIp, port).syncUninterruptibly().channel();
    int boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    String host = bindIp.equals("0.0.0.0") || bindIp.equals("::") ? "localhost" : bindIp;
    advertisedAddress = host + ":" + boundPort;
  }

  /** The port actually bound. */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** {@code host:port} as hello reports it and clients should dial it. */
  public String address() {
    return advertisedAddress;
  }

  /** {@code mongodb://host:port/}. */
  public String connectionString() {
    return "mongodb://" + advertisedAddress + "/";
  }

  public Engine engine() {
    return engine;
  }

  /** Stops the server; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    channels.close().awaitUninterruptibly();
    workers.shutdown();
    awaitWorkers();
    if (engine != null) {
      engine.close();
    }
    acceptor.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
    io.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private void awaitWorkers() {
    try {
      if (!workers.awaitTermination(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
