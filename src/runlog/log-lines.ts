import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";

/** One line of a log file as read from disk. */
export interface LogLine {
  /** Line of the file, from 1. */
  number: number;
  text: string;
  /** False for the bytes after the last newline: a line not (yet) ended. */
  terminated: boolean;
}

/**
 * The lines of a file, streamed a chunk at a time, so memory stays the same for a log of any
 * length. Only "\n" ends a line (a stray "\r" stays part of it, as JSON.parse sees it).
 * Throws ENOENT when the file does not exist.
 */
export async function* readLogLines(file: string): AsyncGenerator<LogLine> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let number = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const text = pending + decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
      yield { number: ++number, text: text.slice(start, end), terminated: true };
      start = end + 1;
    }
    pending = text.slice(start);
  }
  pending += decoder.end();
  if (pending !== "") yield { number: ++number, text: pending, terminated: false };
}

/**
 * The lines of a file from the last to the first, read from the end a chunk at a time: a reader
 * that needs only the newest records stops early and never reads the rest. Line numbers are not
 * known this way; `number` counts back from the end (1 = the last line).
 */
export async function* readLogLinesBackward(file: string, chunkSize = 1 << 16): AsyncGenerator<LogLine> {
  const handle = await open(file, "r");
  try {
    let position = (await handle.stat()).size;
    let carry = Buffer.alloc(0);
    let fromEnd = 0;
    let terminated = false;
    while (position > 0) {
      const start = Math.max(0, position - chunkSize);
      const chunk = Buffer.alloc(position - start);
      await handle.read(chunk, 0, chunk.length, start);
      position = start;
      carry = Buffer.concat([chunk, carry]);
      for (let end = carry.lastIndexOf(10); end >= 0; end = carry.lastIndexOf(10)) {
        const text = carry.subarray(end + 1).toString("utf8");
        if (text !== "" || terminated) yield { number: ++fromEnd, text, terminated };
        terminated = true;
        carry = carry.subarray(0, end);
      }
    }
    if (carry.length > 0 || terminated) yield { number: ++fromEnd, text: carry.toString("utf8"), terminated };
  } finally {
    await handle.close();
  }
}
