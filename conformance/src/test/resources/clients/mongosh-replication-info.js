// Run by MongoshTest: `mongosh <uri> --quiet --norc --file mongosh-replication-info.js`.
// db.getReplicationInfo() reads local.oplog.rs: listCollections, $collStats storageStats (maxSize, size) and the
// first and last entries by $natural order. Prints one line `RESULT <json>`; the Java test asserts on it.
db.getSiblingDB('mongosh_replication').events.insertOne({ _id: 1 });
const info = db.getReplicationInfo();
const printed = rs.printReplicationInfo().value;
const last = db.getSiblingDB('local').oplog.rs.find().sort({ $natural: -1 }).limit(1).next();

print('RESULT ' + EJSON.stringify({
  configuredLogSizeMB: info.configuredLogSizeMB,
  usedMB: info.usedMB,
  timeDiff: info.timeDiff,
  hasTimes: typeof info.tFirst === 'string' && typeof info.tLast === 'string',
  errmsg: info.errmsg === undefined ? null : info.errmsg,
  printedKeys: Object.keys(printed),
  last: { op: last.op, ns: last.ns, o: last.o, v: last.v }
}, { relaxed: true }));
