package io.tributary.engine.expression;

import io.tributary.engine.collation.Collation;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** The outermost scope: the stage's input document and the variables fixed for the whole command. */
record DocumentScope(BsonDocument root, SystemVariables variables) implements Scope {
  @Override
  public Collation collation() {
    return variables.collation();
  }

  @Override
  public BsonValue variable(String name) {
    switch (name) {
      case "ROOT":
      case "CURRENT":
        return root;
      case "NOW":
        return variables.now();
      case "CLUSTER_TIME":
        return variables.clusterTime();
      default:
        return variables.user().get(name);
    }
  }
}
