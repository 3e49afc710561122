package io.tributary.server.changestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.engine.changestream.ChangeStreams;
import io.tributary.server.ServerTestSupport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed tutorial's Python programs, verbatim, run with Debian's {@code python3-pymongo} (3.11) against the
 * server: the listener prints every change of the writer's program and exits on the invalidate; the {@code $match}
 * listener prints only the insert. Skipped where {@code /usr/bin/python3} has no pymongo.
 */
class SeedTutorialTest extends ServerTestSupport {
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir
  Path scripts;
  private TutorialPrograms programs;

  @BeforeAll
  void requirePymongo() throws Exception {
    assumeTrue(new File(PYTHON).canExecute(), "no " + PYTHON);
    Process probe = new ProcessBuilder(PYTHON, "-c", "import pymongo").start();
    assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0, "python3-pymongo is not installed");
    programs = TutorialPrograms.load();
  }

  @Test
  void listenersPrintTheWritersChangesAndExitOnInvalidate() throws Exception {
    ChangeStreams streams = server().engine().changeStreams();
    long before = streams.streamsOpened();
    Process listener = start("change_streams.py", programs.containing(".watch()\n"));
    Process matchListener = start("match_change_streams.py", programs.containing("'$match'"));
    streams.whenStreamsOpened(before + 2).get(60, TimeUnit.SECONDS);

    Process writer = start("test.py", programs.containing(".drop()"));
    assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(writer.exitValue()).as(output(writer, "test.py")).isZero();

    List<BsonDocument> events = events(listener, "change_streams.py");
    assertThat(events).extracting(e -> e.getString("operationType").getValue())
        .containsExactly("insert", "update", "replace", "delete", "drop", "invalidate");
    assertThat(events.get(0).getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, hello: 'world'}"));
    assertThat(events.get(1).getDocument("updateDescription").getDocument("updatedFields"))
        .isEqualTo(BsonDocument.parse("{hello: 'mars'}"));
    assertThat(events.get(2).getDocument("fullDocument")).isEqualTo(BsonDocument.parse("{_id: 1, bye: 'world'}"));
    assertThat(events).allSatisfy(e -> assertThat(e.getDocument("_id").isString("_data")).isTrue());

    assertThat(events(matchListener, "match_change_streams.py"))
        .extracting(e -> e.getString("operationType").getValue()).containsExactly("insert");
  }

  @Test
  void pymongoResumesAfterAToken() throws Exception {
    String program = String.join("\n",
        "import os",
        "import pymongo",
        "client = pymongo.MongoClient(os.environ['CHANGE_STREAM_DB'])",
        "collection = client.resumedb.collection",
        "with collection.watch() as stream:",
        "    collection.insert_one({'_id': 1})",
        "    collection.insert_one({'_id': 2})",
        "    first = stream.next()",
        "with collection.watch(resume_after=first['_id']) as stream:",
        "    print(stream.next()['documentKey']['_id'])",
        "");
    Process resumer = start("resume.py", program);
    assertThat(resumer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(resumer.exitValue()).as(output(resumer, "resume.py")).isZero();
    assertThat(output(resumer, "resume.py").strip()).isEqualTo("2");
  }

  private Process start(String name, String program) throws IOException {
    Path script = scripts.resolve(name);
    Files.writeString(script, program);
    ProcessBuilder builder = new ProcessBuilder(PYTHON, "-u", script.toString())
        .redirectErrorStream(true)
        .redirectOutput(scripts.resolve(name + ".out").toFile());
    builder.environment().put("CHANGE_STREAM_DB", "mongodb://" + server().address());
    return builder.start();
  }

  private List<BsonDocument> events(Process listener, String name) throws Exception {
    boolean exited = listener.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      listener.destroyForcibly();
    }
    String printed = output(listener, name);
    assertThat(exited).as("%s exits after the invalidate; printed:%n%s", name, printed).isTrue();
    assertThat(listener.exitValue()).as(printed).isZero();
    return printed.lines().filter(line -> line.startsWith("{")).map(BsonDocument::parse).toList();
  }

  private String output(Process process, String name) throws IOException {
    return Files.readString(scripts.resolve(name + ".out"), StandardCharsets.UTF_8);
  }
}
