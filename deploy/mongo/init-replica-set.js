// Initiates the three-node replica set `rs0` once, and is safe to run again: the compose init
// service and its health check both call it. Members are addressed by their compose service names.
const config = {
  _id: "rs0",
  members: [
    { _id: 0, host: "mongo1:27017", priority: 2 },
    { _id: 1, host: "mongo2:27017", priority: 1 },
    { _id: 2, host: "mongo3:27017", priority: 1 },
  ],
};

let initiated = true;
try {
  rs.status();
} catch (e) {
  // NotYetInitialized (94): this node has no replica set configuration yet
  if (e.code !== 94) {
    throw e;
  }
  initiated = false;
}
if (!initiated) {
  rs.initiate(config);
  print("replica set rs0 initiated");
}

// wait (bounded) for a primary, so that `service_completed_successfully` means writable
const deadline = Date.now() + 60000;
while (!db.hello().isWritablePrimary && !rs.status().members.some((m) => m.stateStr === "PRIMARY")) {
  if (Date.now() > deadline) {
    throw new Error("no PRIMARY in rs0 within 60 s");
  }
  sleep(500);
}
print("replica set rs0 has a primary");
