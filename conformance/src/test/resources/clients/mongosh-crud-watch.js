// Run by MongoshTest: `mongosh <uri> --quiet --norc --file mongosh-crud-watch.js`.
// Prints one line `RESULT <json>` summarising what mongosh saw; the Java test asserts on it.
const target = db.getSiblingDB('mongosh_conformance');
target.dropDatabase();
const items = target.items;

const inserted = items.insertMany([{ _id: 1, n: 1 }, { _id: 2, n: 2 }, { _id: 3, n: 3 }]);
items.updateOne({ _id: 2 }, { $inc: { n: 10 } });
items.deleteOne({ _id: 3 });
const found = items.find({}, { _id: 1, n: 1 }).sort({ _id: 1 }).toArray();
const count = items.countDocuments({});

const status = rs.status();

const stream = items.watch();
items.insertOne({ _id: 4, n: 4 });
let change = null;
for (let attempt = 0; attempt < 20 && change === null; attempt++) {
  change = stream.tryNext();
}
stream.close();

print('RESULT ' + EJSON.stringify({
  insertedCount: Object.keys(inserted.insertedIds).length,
  found: found,
  count: count,
  rsOk: status.ok,
  memberStates: status.members.map(m => m.stateStr),
  change: change === null ? null : {
    operationType: change.operationType,
    documentKey: change.documentKey,
    fullDocument: change.fullDocument,
    hasResumeToken: change._id !== undefined && change._id._data !== undefined
  }
}, { relaxed: true }));
