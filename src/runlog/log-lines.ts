import { createReadStream } from "node:fs";
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
