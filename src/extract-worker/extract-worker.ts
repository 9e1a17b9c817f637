/**
 * Body of one extraction worker thread: loads the extractor and the gazetteer once, then answers
 * one request per report. An extractor error is sent back as that report's failure (the ingest loop
 * records it as a rejection), never allowed to kill the thread and the reports queued on it.
 */
import { parentPort } from 'node:worker_threads';
import { extractReport } from '../extract/index.js';
import { getGazetteer } from '../gazetteer/index.js';
import type { ExtractRequest, ExtractResponse } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('extract-worker must run in a worker thread');
// Load the gazetteer now, while the main thread is still opening the store and reading inputs.
getGazetteer();

port.on('message', (req: ExtractRequest) => {
  let res: ExtractResponse;
  try {
    res = { id: req.id, ok: true, result: extractReport(req.report, req.referenceDate ? { referenceDate: req.referenceDate } : {}) };
  } catch (err) {
    res = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(res);
});
