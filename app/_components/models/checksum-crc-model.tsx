"use client";

import { useId, useMemo, useState } from "react";
import {
  MAX_MESSAGE,
  analyze,
  buildFrame,
  describe,
  flipBit,
  hex32,
  hex8,
  messageBytes,
  regionOf,
  swapPayloadBytes,
  type Region,
} from "@/lib/models/checksum-crc";
import { Button } from "../ui/button";
import { ModelFrame } from "../ui/model-frame";

const REGION_STYLE: Record<Region, { card: string; label: string }> = {
  length: {
    card: "border-sky-400 bg-sky-50 dark:border-sky-600 dark:bg-sky-950/60",
    label: "text-sky-800 dark:text-sky-200",
  },
  payload: {
    card: "border-emerald-400 bg-emerald-50 dark:border-emerald-600 dark:bg-emerald-950/60",
    label: "text-emerald-800 dark:text-emerald-200",
  },
  crc: {
    card: "border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/60",
    label: "text-amber-800 dark:text-amber-200",
  },
};

function Check({ name, detected, idle, note }: { name: string; detected: boolean; idle: boolean; note: string }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 border-b border-slate-200 py-1.5 last:border-0 dark:border-slate-700">
      <span className="font-medium">{name}</span>
      <span
        className={
          idle
            ? "rounded bg-slate-100 px-1.5 text-slate-700 dark:bg-slate-700 dark:text-slate-100"
            : detected
            ? "rounded bg-emerald-100 px-1.5 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100"
            : "rounded bg-rose-100 px-1.5 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100"
        }
      >
        {idle ? "no change" : detected ? "detected" : "missed"}
      </span>
      <span className="w-full text-xs text-slate-600 dark:text-slate-300">{note}</span>
    </li>
  );
}

/** A framed message whose bits you can flip, with what each check says about the result. */
export function ChecksumCrcModel() {
  const id = useId();
  const [text, setText] = useState("hello");
  const sent = useMemo(() => buildFrame(messageBytes(text)), [text]);
  const [received, setReceived] = useState<Uint8Array>(() => buildFrame(messageBytes("hello")));
  const verdict = analyze(sent, received.length === sent.length ? received : sent);
  const current = received.length === sent.length ? received : sent;
  const payloadLength = sent.length - 8;
  const idle = verdict.changedBits === 0;

  const changeText = (value: string) => {
    const next = value.slice(0, MAX_MESSAGE);
    setText(next);
    setReceived(buildFrame(messageBytes(next)));
  };

  return (
    <ModelFrame aria-label="Checksum and CRC model">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col text-sm" htmlFor={`${id}-message`}>
          <span className="mb-1 font-medium">Message (up to {MAX_MESSAGE} ASCII characters)</span>
          <input
            id={`${id}-message`}
            value={text}
            maxLength={MAX_MESSAGE}
            onChange={(event) => changeText(event.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
          />
        </label>
        <Button
          variant="secondary"
          disabled={payloadLength < 2}
          onClick={() => setReceived((r) => swapPayloadBytes(r.length === sent.length ? r : sent, 0, 1))}
        >
          Swap payload bytes 1 and 2
        </Button>
        <Button variant="secondary" onClick={() => setReceived(sent.slice())}>
          Undo all flips
        </Button>
      </div>

      <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
        Each card is one byte of the frame as it arrives. Press a bit to flip it in transit; flipped bits are outlined in red.
      </p>
      <ol className="mt-2 grid grid-cols-1 gap-2 min-[360px]:grid-cols-2 sm:grid-cols-3 lg:grid-cols-4">
        {Array.from(current, (byte, index) => {
          const region = regionOf(index, current.length);
          const style = REGION_STYLE[region];
          return (
            <li key={index} className={`rounded-lg border p-1.5 ${style.card}`}>
              <div className="flex items-baseline justify-between text-xs">
                <span className={`font-semibold ${style.label}`}>
                  {region} byte {index}
                </span>
                <span className="font-mono">0x{hex8(byte)}</span>
              </div>
              <div className="mt-1 flex gap-0.5">
                {[7, 6, 5, 4, 3, 2, 1, 0].map((bit) => {
                  const value = (byte >> bit) & 1;
                  const flipped = (((sent[index] ?? 0) >> bit) & 1) !== value;
                  return (
                    <button
                      key={bit}
                      type="button"
                      aria-pressed={flipped}
                      aria-label={`Byte ${index} (${region}), bit ${bit}: ${value}${flipped ? ", flipped" : ""}. Flip it.`}
                      onClick={() => setReceived((r) => flipBit(r.length === sent.length ? r : sent, index, bit))}
                      className={`h-7 w-full min-w-0 rounded border font-mono text-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 ${
                        flipped
                          ? "border-rose-600 bg-rose-100 font-bold text-rose-900 ring-1 ring-rose-600 dark:border-rose-400 dark:bg-rose-900/70 dark:text-rose-50 dark:ring-rose-400"
                          : "border-slate-300 bg-white text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
                      }`}
                    >
                      {value}
                    </button>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>

      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-800">
          <p className="font-medium">Receiver</p>
          <p className="mt-1 font-mono text-xs">
            stored CRC {hex32(verdict.storedCrc)}
            <br />
            computed {hex32(verdict.computedCrc)}
          </p>
          <p className="mt-1">
            unframe:{" "}
            <span className={verdict.outcome === "ok" ? "font-semibold" : "font-semibold text-rose-700 dark:text-rose-300"}>
              {verdict.outcome === "ok" ? "returns the payload" : `throws ${verdict.outcome}`}
            </span>
          </p>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{verdict.changedBits} bit(s) changed in transit.</p>
        </div>
        <ul className="rounded-lg border border-slate-200 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-800" aria-label="What each check says">
          <Check name="Length field" idle={idle} detected={!verdict.lengthOk} note="Catches flips in the 4 length bytes only." />
          <Check name="CRC-32" idle={idle} detected={verdict.crcDetects} note="Every single-bit flip and every burst up to 32 bits." />
          <Check name="Sum mod 256" idle={idle} detected={verdict.sumDetects} note="Blind to reordering and to changes that cancel." />
          <Check name="Adler-32" idle={idle} detected={verdict.adlerDetects} note="Position-aware sums, weaker on short data." />
        </ul>
      </div>

      <p aria-live="polite" className="mt-3 text-sm text-slate-700 dark:text-slate-200">
        {describe(sent, current, text)}
      </p>
    </ModelFrame>
  );
}
