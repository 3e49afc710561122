package io.tributary.conformance.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.conformance.SharedServer;
import java.nio.file.Path;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Node.js driver (6.x), unmodified: a change stream, its events, and resuming from a token. */
@ExtendWith(SharedServer.class)
class NodeDriverTest {

  @Test
  void changeStreamDeliversEventsAndResumesAfterAndStartsAfterAToken() throws Exception {
    Path modules = NodeTooling.requireModules("mongodb");
    BsonDocument result = NodeTooling.runForResult(modules, List.of(
        "node", NodeTooling.script("node-change-stream-resume.js").toString(), SharedServer.connectionString()));

    assertThat(result).isEqualTo(BsonDocument.parse("{first: 'a', second: 'b', firstType: 'insert',"
        + " tokenIsHexString: true, afterResume: 'b', afterStart: 'b'}"));
  }
}
