// Run by NodeDriverTest with NODE_PATH pointing at the installed `mongodb` package:
// `node node-change-stream-resume.js <uri>`. Opens a change stream, reads two inserts, then resumes
// after the first one's token (resumeAfter and startAfter) and must see the second again.
// Prints one line `RESULT <json>`; the Java test asserts on it.
const { MongoClient } = require('mongodb');

async function nextEvent(stream) {
  const event = await stream.next();
  return { operationType: event.operationType, id: event.documentKey._id, token: event._id };
}

async function main(uri) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10000 });
  try {
    const collection = client.db('node_conformance').collection('events');
    await collection.drop().catch(() => {});
    await client.db('node_conformance').createCollection('events');

    const stream = collection.watch([], { maxAwaitTimeMS: 500 });
    await stream.tryNext(); // the aggregate runs before the inserts below
    await collection.insertOne({ _id: 'a' });
    await collection.insertOne({ _id: 'b' });
    const first = await nextEvent(stream);
    const second = await nextEvent(stream);
    await stream.close();

    const resumed = collection.watch([], { resumeAfter: first.token });
    const afterResume = await nextEvent(resumed);
    await resumed.close();

    const started = collection.watch([], { startAfter: first.token });
    const afterStart = await nextEvent(started);
    await started.close();

    console.log('RESULT ' + JSON.stringify({
      first: first.id, second: second.id, firstType: first.operationType,
      tokenIsHexString: typeof first.token._data === 'string' && /^[0-9A-F]+$/i.test(first.token._data),
      afterResume: afterResume.id, afterStart: afterStart.id
    }));
  } finally {
    await client.close();
  }
}

main(process.argv[2]).catch(error => {
  console.error(error);
  process.exit(1);
});
