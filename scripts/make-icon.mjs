// Draws the extension icon (media/icon.png, 128×128): a dumbbell on a rounded teal square.
// Plain Node (zlib for the PNG encoding), so the icon can be re-made without image tools.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const inRoundedSquare = (x, y, r) => {
    const cx = Math.min(Math.max(x, r), size - 1 - r);
    const cy = Math.min(Math.max(y, r), size - 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
        const i = (y * size + x) * 4;
        let color = [0, 0, 0, 0];
        if (inRoundedSquare(x, y, 24)) {
            color = [14, 116, 144, 255];
        }
        const dumbbell = inRect(x, y, 30, 60, 98, 68)      // bar
            || inRect(x, y, 22, 40, 36, 88) || inRect(x, y, 92, 40, 106, 88)   // outer plates
            || inRect(x, y, 14, 50, 22, 78) || inRect(x, y, 106, 50, 114, 78); // collars
        if (dumbbell) {
            color = [255, 255, 255, 255];
        }
        pixels.set(color, i);
    }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return c >>> 0;
});
const crc = buffer => {
    let c = 0xffffffff;
    for (const byte of buffer) {
        c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    }
    return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const rows = Buffer.concat(Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4)])));
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
