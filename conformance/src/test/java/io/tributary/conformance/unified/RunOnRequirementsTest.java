package io.tributary.conformance.unified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class RunOnRequirementsTest {

  private final ServerProfile replicaSet70 = new ServerProfile(new Version(7, 0, 2), "replicaset", false,
      BsonDocument.parse("{enableTestCommands: true, featureCompatibilityVersion: {version: '7.0'}}"));

  private static BsonArray requirements(String json) {
    return BsonDocument.parse("{r: " + json + "}").getArray("r");
  }

  @Test
  void absentOrEmptyRequirementsAreMet() {
    assertThat(RunOnRequirements.unmet(new BsonArray(), replicaSet70)).isEmpty();
    assertThat(RunOnRequirements.unmet(null, replicaSet70)).isEmpty();
  }

  @Test
  void versionBoundsAreInclusiveAndIgnorePatchWhenMissing() {
    assertThat(RunOnRequirements.unmet(requirements("[{minServerVersion: '7.0.2'}]"), replicaSet70)).isEmpty();
    assertThat(RunOnRequirements.unmet(requirements("[{maxServerVersion: '7.0.2'}]"), replicaSet70)).isEmpty();
    assertThat(RunOnRequirements.unmet(requirements("[{minServerVersion: '8.0'}]"), replicaSet70))
        .contains("needs server >= 8.0");
    assertThat(RunOnRequirements.unmet(requirements("[{maxServerVersion: '4.2.99'}]"), replicaSet70)).isPresent();
  }

  @Test
  void anyOneRequirementSufficesButAllFieldsOfItMustHold() {
    assertThat(RunOnRequirements.unmet(requirements(
        "[{topologies: ['sharded']}, {topologies: ['replicaset'], minServerVersion: '4.0'}]"), replicaSet70)).isEmpty();
    assertThat(RunOnRequirements.unmet(requirements(
        "[{topologies: ['replicaset'], minServerVersion: '9.0'}]"), replicaSet70)).contains("needs server >= 9.0");
  }

  @Test
  void shardedReplicasetOnlyMatchesShardedClusters() {
    assertThat(RunOnRequirements.unmet(requirements("[{topologies: ['sharded-replicaset']}]"), replicaSet70))
        .isPresent();
  }

  @Test
  void serverlessAuthAndCsfleAreNeverClaimed() {
    assertThat(RunOnRequirements.unmet(requirements("[{serverless: 'forbid'}]"), replicaSet70)).isEmpty();
    assertThat(RunOnRequirements.unmet(requirements("[{serverless: 'require'}]"), replicaSet70)).isPresent();
    assertThat(RunOnRequirements.unmet(requirements("[{auth: false}]"), replicaSet70)).isEmpty();
    assertThat(RunOnRequirements.unmet(requirements("[{auth: true}]"), replicaSet70)).isPresent();
    assertThat(RunOnRequirements.unmet(requirements("[{csfle: true}]"), replicaSet70)).contains("needs CSFLE");
    assertThat(RunOnRequirements.unmet(requirements("[{csfle: false}]"), replicaSet70)).isEmpty();
  }

  @Test
  void serverParametersCompareFlexiblyAndMissingOnesAreUnmet() {
    assertThat(RunOnRequirements.unmet(requirements("[{serverParameters: {enableTestCommands: true}}]"),
        replicaSet70)).isEmpty();
    assertThat(RunOnRequirements.unmet(requirements("[{serverParameters: {absentParameter: 1}}]"),
        replicaSet70)).isPresent();
  }

  @Test
  void unknownFieldsAreNotSilentlyIgnored() {
    assertThatThrownBy(() -> RunOnRequirements.unmet(requirements("[{newField: 1}]"), replicaSet70))
        .isInstanceOf(UnsupportedFeature.class);
  }

  @Test
  void versionsParseLikeTheFormatSays() {
    assertThat(Version.parse("4.9.0-alpha4-271-g7d5cf02")).isEqualTo(new Version(4, 9, 0));
    assertThat(Version.parse("4.2")).isEqualTo(new Version(4, 2, 0));
    assertThat(Version.parse("4.0.10")).isGreaterThan(Version.parse("4.0.9"));
    assertThat(Version.fromVersionArray(requirements("[7, 0, 2, -100]"))).isEqualTo(new Version(7, 0, 2));
  }

  @Test
  void topologyComesFromTheHelloReply() {
    assertThat(ServerProfile.topologyOf(BsonDocument.parse("{setName: 'rs0'}"))).isEqualTo("replicaset");
    assertThat(ServerProfile.topologyOf(BsonDocument.parse("{msg: 'isdbgrid'}"))).isEqualTo("sharded");
    assertThat(ServerProfile.topologyOf(BsonDocument.parse("{serviceId: 1}"))).isEqualTo("load-balanced");
    assertThat(ServerProfile.topologyOf(BsonDocument.parse("{ok: 1}"))).isEqualTo("single");
  }
}
