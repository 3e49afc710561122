package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Collection validators, statement field checks and _id rules, with mongod's codes. */
class DocumentValidationTest {
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void validatorRejectsInvalidInsertsAndUpdatesUnlessBypassed() {
    run("{create: 'c', validator: {x: {$type: 'string'}}}");
    BsonDocument rejected = run("{insert: 'c', documents: [{_id: 1, x: 1}]}");
    BsonDocument error = rejected.getArray("writeErrors").get(0).asDocument();
    assertThat(error.getInt32("code").getValue()).isEqualTo(121);
    assertThat(error.getDocument("errInfo").get("failingDocumentId").asInt32().getValue()).isEqualTo(1);
    assertThat(run("{insert: 'c', documents: [{_id: 2, x: 'ok'}]}").getInt32("n").getValue()).isEqualTo(1);
    assertThat(run("{insert: 'c', documents: [{_id: 3, x: 3}], bypassDocumentValidation: true}")
        .getInt32("n").getValue()).isEqualTo(1);
    assertThatThrownBy(() -> run("{findAndModify: 'c', query: {_id: 2}, update: {$set: {x: 1}}}"))
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(121);
          assertThat(e.extraFields().getDocument("errInfo").isDocument("details")).isTrue();
        });
    run("{collMod: 'c', validationLevel: 'moderate'}");
    // moderate: a document that was already invalid may stay invalid
    assertThat(run("{update: 'c', updates: [{q: {_id: 3}, u: {$set: {x: 4}}}]}").getInt32("nModified").getValue())
        .isEqualTo(1);
  }

  @Test
  void unknownStatementFieldsAndDollarFieldsInIdAreRejected() {
    assertThatThrownBy(() -> run("{update: 'c', updates: [{q: {}, u: {$set: {a: 1}}, sort: {_id: 1}}]}"))
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(40415);
          assertThat(e.getMessage()).isEqualTo("BSON field 'update.updates.sort' is an unknown field.");
        });
    BsonDocument insert = run("{insert: 'c', documents: [{_id: {$a: 1}}]}");
    assertThat(insert.getArray("writeErrors").get(0).asDocument().getInt32("code").getValue()).isEqualTo(52);
  }

  private BsonDocument run(String json) {
    return harness.run("db", json);
  }
}
