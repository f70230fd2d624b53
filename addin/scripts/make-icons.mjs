// Draws the add-in's icons (two people facing each other on a rounded square) as PNGs in public/icons/.
// Run with `npm run icons` after changing the drawing; the PNGs are committed.
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

const sizes = [16, 32, 64, 80, 128];
const brand = [15, 108, 189]; // Fluent's brand blue
const light = [255, 255, 255];
const accent = [178, 215, 242];

// Shapes in a 0..1 square, painted in order; each returns true when the point is inside.
const roundedSquare = (x, y, r = 0.2) => {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const shoulders = (cx, cy, rx, ry) => (x, y) => y <= 0.84 && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

const layers = [
  [roundedSquare, brand],
  [shoulders(0.34, 0.84, 0.2, 0.26), accent],
  [circle(0.34, 0.38, 0.12), accent],
  [shoulders(0.66, 0.84, 0.2, 0.26), light],
  [circle(0.66, 0.38, 0.12), light],
];

function render(size) {
  const samples = 4; // supersampling per axis, for smooth edges
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0]; // PNG filter type "none"
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = null;
          for (const [inside, c] of layers) {
            if (inside(x, y)) color = c;
          }
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const n = samples * samples;
      row.push(a ? Math.round(r / a) : 0, a ? Math.round(g / a) : 0, a ? Math.round(b / a) : 0, Math.round((a / n) * 255));
    }
    rows.push(Buffer.from(row));
  }
  return png(size, Buffer.concat(rows));
}

function png(size, raw) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

for (const size of sizes) {
  writeFileSync(resolve(import.meta.dirname, `../public/icons/icon-${size}.png`), render(size));
}
