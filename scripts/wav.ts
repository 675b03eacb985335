// Small WAV files for the simulated voice engine, the benchmark and tests: a 44-byte PCM header, mono.

/** The header of a mono PCM WAV whose sample data is `dataBytes` long. */
export function wavHeader(dataBytes: number, { sampleRate = 8000, bitsPerSample = 8 }: { sampleRate?: number; bitsPerSample?: 8 | 16 } = {}): Buffer {
  const bytesPerSample = bitsPerSample / 8;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * bytesPerSample, 28);
  header.writeUInt16LE(bytesPerSample, 32);
  header.writeUInt16LE(bitsPerSample, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** A soft tone, 8 kHz 8-bit mono: about 8 KB a second. */
export function toneWav(seconds: number, pitch = 220): Uint8Array<ArrayBuffer> {
  const sampleRate = 8000;
  const samples = Math.round(sampleRate * seconds);
  const file = Buffer.concat([wavHeader(samples, { sampleRate }), Buffer.alloc(samples)]);
  for (let index = 0; index < samples; index += 1) file[44 + index] = Math.round(128 + 40 * Math.sin((2 * Math.PI * pitch * index) / sampleRate));
  return new Uint8Array(file);
}
