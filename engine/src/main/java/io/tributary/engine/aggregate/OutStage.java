package io.tributary.engine.aggregate;

import io.tributary.engine.Namespace;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Values;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $out: "coll"} or {@code {db, coll}}: the pipeline's results replace the contents of the target collection
 * (created if needed; its indexes are kept).
 */
public record OutStage(ForeignCollection collection) implements PipelineOutput {
  static final String NAME = "$out";

  static OutStage parse(BsonValue spec) {
    if (spec.isString()) {
      return new OutStage(new ForeignCollection(null, spec.asString().getValue()));
    }
    if (!spec.isDocument()) {
      throw ErrorCode.location(16990).error("$out only supports a string or object argument, not "
          + Values.typeName(spec));
    }
    BsonDocument out = spec.asDocument();
    for (String key : out.keySet()) {
      if (!key.equals("db") && !key.equals("coll") && !key.equals("timeseries")) {
        throw ErrorCode.location(40415).error("BSON field '$out." + key + "' is an unknown field.");
      }
    }
    if (!out.isString("coll")) {
      throw ErrorCode.location(40414).error("BSON field '$out.coll' is missing but a required field");
    }
    String db = out.isString("db") ? out.getString("db").getValue() : null;
    return new OutStage(new ForeignCollection(db, out.getString("coll").getValue()));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Namespace target(PipelineContext context) {
    return collection.in(context);
  }
}
