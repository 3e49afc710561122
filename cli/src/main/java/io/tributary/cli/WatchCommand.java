package io.tributary.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tributary watch [TARGET]}: the tutorial's listener as a tool. Prints each change event of a collection, a
 * database or the whole deployment as one line of relaxed Extended JSON on stdout; progress and failures go to
 * stderr. With {@code --resume-token-file} it saves its position after every event and resumes from it on start,
 * so a stop and restart (SIGTERM, Ctrl-C) neither skips nor repeats an event. Works against any replica set.
 *
 * <p>Exit status: 0 when the stream ends (invalidate), 3 when the saved position is no longer in the oplog, 1 on
 * any other failure, 2 on bad options. SIGTERM and SIGINT let it finish the event in hand and save its position,
 * then it exits as a JVM stopped by that signal does (143, 130).
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print change events, one per line, as relaxed Extended JSON.")
final class WatchCommand implements Callable<Integer> {
  static final int EXIT_HISTORY_LOST = 3;
  private static final long STOP_TIMEOUT_SECONDS = 10;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
      description = "db.coll, db, or nothing for the whole deployment.")
  String target = "";

  @Mixin
  ConnectionOption connection;

  @Option(names = "--match", paramLabel = "JSON", description = "Filter events with this $match, e.g. "
      + "'{\"operationType\": \"insert\"}'.")
  String match;

  @Option(names = "--pipeline", paramLabel = "FILE", description = "A JSON array of stages to apply to events "
      + "(after --match).")
  Path pipelineFile;

  @Option(names = "--full-document", paramLabel = "MODE", defaultValue = "default",
      description = "default, updateLookup, whenAvailable or required.")
  String fullDocument;

  @Option(names = "--full-document-before-change", paramLabel = "MODE",
      description = "off, whenAvailable or required.")
  String fullDocumentBeforeChange;

  @Option(names = "--start-at-operation-time", paramLabel = "SECONDS[:INCREMENT]",
      description = "Start at this cluster time instead of now (ignored when the token file has a position).")
  String startAtOperationTime;

  @Option(names = "--show-expanded-events", description = "Also report createIndexes, create, modify, ... events.")
  boolean showExpandedEvents;

  @Option(names = "--resume-token-file", paramLabel = "FILE",
      description = "Save the position after each event; resume from it on start.")
  Path resumeTokenFile;

  @Option(names = "--pretty", description = "Indent each event instead of one line per event.")
  boolean pretty;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    WatchTarget watched = parse(() -> WatchTarget.parse(target));
    StreamSettings settings = new StreamSettings(watched, pipeline(),
        parse(() -> FullDocument.fromString(fullDocument)), fullDocumentBeforeChange(), startAtOperationTime(),
        showExpandedEvents);
    ResumeTokenFile tokens = resumeTokenFile == null ? null : new ResumeTokenFile(resumeTokenFile);
    PrintWriter err = spec.commandLine().getErr();
    try {
      BsonDocument saved = tokens == null ? null : tokens.load().orElse(null);
      if (saved != null) {
        err.println("watch: resuming after the position saved in " + resumeTokenFile);
      }
      try (MongoClient client = MongoClients.create(connection.connectionString())) {
        ChangeStreamFollower follower = new ChangeStreamFollower(token -> settings.open(client, token), this::print,
            tokens == null ? token -> { } : tokens::save, err, Backoff.DEFAULT,
            watched + " on " + connection.hosts());
        return exitCode(followUntilShutdown(follower, saved));
      }
    } catch (ResumeTokenFile.Unusable e) {
      // An unreadable, unwritable or foreign token file: say which and why, without a stack trace.
      err.println("watch: " + e.getMessage());
      return 1;
    }
  }

  /** Follows the stream; SIGTERM/SIGINT stop it after the event in hand, so its position is saved. */
  private ChangeStreamFollower.Outcome followUntilShutdown(ChangeStreamFollower follower, BsonDocument saved) {
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      follower.stop();
      awaitQuietly(finished);
    }, "tributary-watch-shutdown"));
    try {
      return follower.follow(saved);
    } finally {
      finished.countDown();
    }
  }

  private void print(BsonDocument event) {
    PrintWriter out = spec.commandLine().getOut();
    out.println((pretty ? EventFormat.PRETTY : EventFormat.LINE).format(event));
    out.flush();
  }

  private static int exitCode(ChangeStreamFollower.Outcome outcome) {
    return switch (outcome) {
      case ENDED, STOPPED -> 0;
      case HISTORY_LOST -> EXIT_HISTORY_LOST;
      case FAILED -> 1;
    };
  }

  private List<BsonDocument> pipeline() throws IOException {
    List<BsonDocument> stages = new ArrayList<>();
    if (match != null) {
      stages.add(new BsonDocument("$match", parse(() -> BsonDocument.parse(match))));
    }
    if (pipelineFile != null) {
      String json = Files.readString(pipelineFile);
      BsonArray array = parse(() -> BsonDocument.parse("{\"pipeline\": " + json + "}").getArray("pipeline"));
      for (BsonValue stage : array) {
        stages.add(parse(stage::asDocument));
      }
    }
    return stages;
  }

  private FullDocumentBeforeChange fullDocumentBeforeChange() {
    return fullDocumentBeforeChange == null ? null
        : parse(() -> FullDocumentBeforeChange.fromString(fullDocumentBeforeChange));
  }

  private BsonTimestamp startAtOperationTime() {
    if (startAtOperationTime == null) {
      return null;
    }
    return parse(() -> {
      String[] parts = startAtOperationTime.split(":", 2);
      int seconds = Integer.parseUnsignedInt(parts[0]);
      int increment = parts.length == 2 ? Integer.parseUnsignedInt(parts[1]) : 0;
      return new BsonTimestamp(seconds, increment);
    });
  }

  /** Runs an option parser; any failure is a usage error (exit 2) carrying its message. */
  private <T> T parse(Supplier<T> parser) {
    try {
      return parser.get();
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "watch: " + e.getMessage(), e);
    }
  }

  private static void awaitQuietly(CountDownLatch finished) {
    try {
      finished.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
