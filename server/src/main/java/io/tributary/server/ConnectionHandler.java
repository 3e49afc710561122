package io.tributary.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tributary.engine.command.ConnectionStats;
import io.tributary.server.wire.WireRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: runs its requests strictly one at a time, in order, and writes each reply when the
 * command's future completes, which may be much later (a waiting getMore). Nothing here blocks the event loop.
 *
 * <p>Implementation notes: all fields are touched only on the channel's event loop (completions hop back onto it),
 * so there is no locking. A quick command completes while it is handled, on the event loop: its reply is written
 * at once and the next request taken in the same loop (no recursion, however many are pending). Requests that
 * arrive while one is running wait in {@code pending}; when too many wait, reading from the socket pauses
 * (back-pressure instead of unbounded memory) and resumes as the queue drains; likewise no further request runs
 * while unsent replies exceed the channel's write buffer high-water mark.
 * Any decoding failure that reaches {@link #exceptionCaught} closes the connection, as mongod does for
 * unreadable messages.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
  private static final int MAX_PENDING = 16;

  private final RequestHandler requests;
  private final ConnectionStats stats;
  private final Queue<WireRequest> pending = new ArrayDeque<>();
  private ChannelClientConnection connection;
  private boolean busy;

  ConnectionHandler(RequestHandler requests, ConnectionStats stats) {
    this.requests = requests;
    this.stats = stats;
  }

  @Override
  public void channelActive(ChannelHandlerContext context) throws Exception {
    connection = new ChannelClientConnection(stats.opened(), format(context.channel().remoteAddress()));
    super.channelActive(context);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) throws Exception {
    if (connection != null) {
      stats.closed();
    }
    pending.clear();
    super.channelInactive(context);
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    pending.add((WireRequest) message);
    if (pending.size() >= MAX_PENDING) {
      context.channel().config().setAutoRead(false);
    }
    processNext(context);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
    processNext(context);
    super.channelWritabilityChanged(context);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    LOG.debug("closing connection {} after a protocol error", connection == null ? "?" : connection.id(), cause);
    context.close();
  }

  private void processNext(ChannelHandlerContext context) {
    // A client that does not read its replies makes the channel unwritable: stop producing more until it drains.
    while (!busy && !pending.isEmpty() && context.channel().isActive() && context.channel().isWritable()) {
      busy = true;
      CompletableFuture<RequestHandler.Outcome> outcome = requests.handle(connection, pending.poll());
      if (outcome.isDone()) {
        // A quick command ran on this event loop: answer it now, and loop rather than recurse to the next one.
        complete(context, outcome);
      } else {
        outcome.whenComplete((done, failure) -> context.executor().execute(() -> {
          complete(context, outcome);
          processNext(context);
        }));
      }
    }
  }

  private void complete(ChannelHandlerContext context, CompletableFuture<RequestHandler.Outcome> done) {
    busy = false;
    RequestHandler.Outcome outcome;
    try {
      outcome = done.join();
    } catch (CompletionException | CancellationException failure) {
      LOG.warn("request failed on connection {}", connection.id(), failure);
      close(context);
      return;
    }
    if (outcome instanceof RequestHandler.Outcome.Close) {
      close(context);
      return;
    }
    if (outcome instanceof RequestHandler.Outcome.Reply reply) {
      context.writeAndFlush(reply.reply()).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }
    if (!context.channel().config().isAutoRead() && pending.size() < MAX_PENDING / 2) {
      context.channel().config().setAutoRead(true);
    }
  }

  private void close(ChannelHandlerContext context) {
    pending.clear();
    context.close();
  }

  private static String format(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }
}
