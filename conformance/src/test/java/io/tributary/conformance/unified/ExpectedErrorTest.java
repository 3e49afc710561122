package io.tributary.conformance.unified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import java.util.List;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** expectError and expectResult evaluation against driver exceptions built by hand. */
class ExpectedErrorTest {

  private final Entities entities = new Entities();
  private final ValueMatcher matcher = new ValueMatcher(entities);
  private final MongoCommandException commandError = new MongoCommandException(BsonDocument.parse(
      "{ok: 0, errmsg: 'Unrecognized Pipeline Stage', code: 40324, codeName: 'Location40324',"
          + " errorLabels: ['ResumableChangeStreamError']}"), new ServerAddress());

  private void passes(String expectError, Throwable error) {
    assertThatCode(() -> ExpectedError.check(BsonDocument.parse(expectError), error, matcher))
        .doesNotThrowAnyException();
  }

  private void fails(String expectError, Throwable error) {
    assertThatThrownBy(() -> ExpectedError.check(BsonDocument.parse(expectError), error, matcher))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void serverErrorsAreNotClientErrorsButNetworkErrorsAre() {
    passes("{isError: true, isClientError: false}", commandError);
    fails("{isClientError: true}", commandError);
    passes("{isClientError: true}", new MongoSocketReadException("closed", new ServerAddress()));
    passes("{isClientError: true}", new IllegalArgumentException("bad argument"));
  }

  @Test
  void codeCodeNameAndMessageComeFromTheServerReply() {
    passes("{errorCode: 40324, errorCodeName: 'location40324', errorContains: 'unrecognized pipeline'}",
        commandError);
    fails("{errorCode: 40323}", commandError);
    fails("{errorContains: 'no such text'}", commandError);
  }

  @Test
  void labelsMustBePresentOrAbsentAsListed() {
    passes("{errorLabelsContain: ['ResumableChangeStreamError'], errorLabelsOmit: ['RetryableWriteError']}",
        commandError);
    fails("{errorLabelsOmit: ['ResumableChangeStreamError']}", commandError);
  }

  @Test
  void errorResponseMatchesTheReplyAsARootDocument() {
    passes("{errorResponse: {code: 40324, errmsg: {$$type: 'string'}}}", commandError);
    fails("{errorResponse: {code: 1}}", commandError);
    fails("{errorResponse: {code: 40324}}", new MongoSocketReadException("closed", new ServerAddress()));
  }

  @Test
  void bulkWriteErrorsAnswerForTheirWriteErrorsAndPartialResult() {
    MongoBulkWriteException bulk = new MongoBulkWriteException(
        BulkWriteResult.acknowledged(1, 0, 0, 0, List.of(), List.of()),
        List.of(new BulkWriteError(11000, "E11000 duplicate key error", new BsonDocument(), 1)), null,
        new ServerAddress(), Set.of());
    passes("{errorCode: 11000, errorContains: 'duplicate key',"
        + " expectResult: {$$unsetOrMatches: {insertedCount: 1, deletedCount: 0}}}", bulk);
    fails("{expectResult: {insertedCount: 2}}", bulk);
  }

  @Test
  void anUnknownAssertionIsARunnerGapNotAPass() {
    assertThatThrownBy(() -> ExpectedError.check(BsonDocument.parse("{newAssertion: 1}"), commandError, matcher))
        .isInstanceOf(UnsupportedFeature.class);
  }

  @Test
  void operationResultsFollowTheFormat() {
    TestContext context = new TestContext(null);
    BsonDocument expectsError = BsonDocument.parse("{name: 'find', object: 'c', expectError: {isError: true}}");
    assertThatThrownBy(() -> OperationResult.evaluate(expectsError, new BsonArray(), null, context))
        .isInstanceOf(AssertionError.class);
    BsonDocument expectsResult = BsonDocument.parse("{name: 'find', object: 'c', expectResult: [{x: 1}]}");
    assertThatThrownBy(() -> OperationResult.evaluate(expectsResult, null, commandError, context))
        .isSameAs(commandError);
    OperationResult.evaluate(expectsResult, new IteratedDocuments(BsonDocument.parse("{a: [{x: 1, y: 2}]}")
        .getArray("a")), null, context);
    OperationResult.evaluate(BsonDocument.parse("{name: 'n', object: 'c', ignoreResultAndError: true}"), null,
        commandError, context);
    OperationResult.evaluate(BsonDocument.parse("{name: 'find', object: 'c', saveResultAsEntity: 'docs'}"),
        new IteratedDocuments(new BsonArray()), null, context);
    assertThat(context.entities().bsonEntity("docs")).isEqualTo(new BsonArray());
  }
}
