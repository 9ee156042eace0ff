// The physical baseline for ingest: bare node:http + better-sqlite3 doing what a checkpoint POST must do
// (hashed-token auth, JSON parse, per-task seq, checkpoint + event rows in one transaction, JSON reply).
import { createHash } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

const [dbFile, port, token] = process.argv.slice(2);
const db = new Database(dbFile);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("busy_timeout = 10000");
const tokenHash = createHash("sha256").update(token).digest("hex");
db.prepare(`INSERT OR REPLACE INTO ApiToken (id, name, scope, tokenHash, prefix) VALUES ('bench', 'bench', 'agent', ?, 'bench')`).run(tokenHash);

const findToken = db.prepare(`SELECT id FROM ApiToken WHERE tokenHash = ? AND revokedAt IS NULL`);
const findTask = db.prepare(`SELECT id FROM Task WHERE key = ?`);
const createTask = db.prepare(`INSERT INTO Task (key, title, updatedAt) VALUES (?, ?, ?) RETURNING id`);
const nextSeq = db.prepare(`UPDATE Task SET checkpointSeq = checkpointSeq + 1, lastActivityAt = ? WHERE id = ? RETURNING checkpointSeq`);
const insertCheckpoint = db.prepare(
  `INSERT INTO Checkpoint (taskId, seq, summary, done, next, dependencies, decisions, verification, metrics, createdAt) VALUES (?, ?, ?, ?, ?, '[]', '[]', '[]', ?, ?)`,
);
const insertEvent = db.prepare(`INSERT INTO Event (taskId, taskKey, type, payload, createdAt) VALUES (?, ?, 'checkpoint.created', ?, ?)`);

const record = db.transaction((key: string, body: { summary: string; done?: string[]; next?: string[]; metrics?: object }) => {
  const now = Date.now();
  const task = (findTask.get(key) as { id: number } | undefined) ?? (createTask.all(key, key, now)[0] as { id: number });
  const { checkpointSeq } = nextSeq.all(now, task.id)[0] as { checkpointSeq: number };
  insertCheckpoint.run(task.id, checkpointSeq, body.summary, JSON.stringify(body.done ?? []), JSON.stringify(body.next ?? []), JSON.stringify(body.metrics ?? {}), now);
  const checkpoint = { task: key, seq: checkpointSeq, ...body };
  insertEvent.run(task.id, key, JSON.stringify({ checkpoint }), now);
  return checkpoint;
});

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const auth = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
      if (!findToken.get(createHash("sha256").update(auth).digest("hex"))) {
        res.writeHead(401).end();
        return;
      }
      const key = req.url!.split("/")[4];
      const checkpoint = record(key, JSON.parse(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify(checkpoint));
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log("baseline ready"));
