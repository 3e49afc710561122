package io.tributary.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.bson.BsonOrder;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonValue;

/** Algebraic laws of the arithmetic and set operators. */
class ExpressionProperties {
  private static BsonValue evaluate(String operator, BsonValue... arguments) {
    BsonDocument expression = new BsonDocument(operator, new BsonArray(List.of(arguments)));
    return Expressions.parse(expression, ParseContext.EMPTY)
        .evaluate(Scope.of(new BsonDocument(), ExpressionAssertions.VARIABLES));
  }

  @Property
  void intAdditionIsExactAndWidensInsteadOfOverflowing(@ForAll int a, @ForAll int b) {
    BsonValue sum = evaluate("$add", new BsonInt32(a), new BsonInt32(b));
    assertThat(Numbers.toLong(sum)).isEqualTo((long) a + b);
    assertThat(sum.isInt32()).isEqualTo((long) a + b == (int) ((long) a + b));
  }

  @Property
  void subtractionUndoesAddition(@ForAll int a, @ForAll int b) {
    BsonValue sum = evaluate("$add", new BsonInt32(a), new BsonInt32(b));
    assertThat(BsonOrder.equal(evaluate("$subtract", sum, new BsonInt32(b)), new BsonInt32(a))).isTrue();
  }

  @Property
  void longMultiplicationIsCommutative(@ForAll long a, @ForAll long b) {
    assertThat(evaluate("$multiply", new BsonInt64(a), new BsonInt64(b)))
        .isEqualTo(evaluate("$multiply", new BsonInt64(b), new BsonInt64(a)));
  }

  @Property
  void setUnionIsSortedDistinctAndContainsBoth(@ForAll List<Integer> left, @ForAll List<Integer> right) {
    BsonArray union = evaluate("$setUnion", array(left), array(right)).asArray();
    for (int i = 1; i < union.size(); i++) {
      assertThat(BsonOrder.compare(union.get(i - 1), union.get(i))).isLessThan(0);
    }
    assertThat(union).containsAll(array(left)).containsAll(array(right));
  }

  @Property
  void cmpIsAntisymmetric(@ForAll int a, @ForAll long b) {
    int forward = evaluate("$cmp", new BsonInt32(a), new BsonInt64(b)).asInt32().getValue();
    int backward = evaluate("$cmp", new BsonInt64(b), new BsonInt32(a)).asInt32().getValue();
    assertThat(forward).isEqualTo(-backward).isEqualTo(Long.signum(Long.compare(a, b)));
  }

  private static BsonArray array(List<Integer> values) {
    BsonArray array = new BsonArray();
    values.forEach(value -> array.add(new BsonInt32(value)));
    return array;
  }
}
