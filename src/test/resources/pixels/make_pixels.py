# Makes the test pictures of PixelDecodingTest and the table of what Pillow reads from them.
import struct, zlib, random
from PIL import Image
import numpy as np
random.seed(3)
W, H = 8, 6
def rnd(shape): return np.array([random.randrange(256) for _ in range(int(np.prod(shape)))], dtype=np.uint8).reshape(shape)
rgb = rnd((H, W, 3)); gray = rnd((H, W)); alpha = rnd((H, W))
Image.fromarray(gray, 'L').save('gray8.png')
Image.fromarray(np.dstack([gray, alpha]), 'LA').save('gray-alpha.png')
Image.fromarray(rgb, 'RGB').save('rgb8.png')
Image.fromarray(np.dstack([rgb, alpha]), 'RGBA').save('rgba8.png')
pal = Image.fromarray(rgb, 'RGB').quantize(colors=16); pal.save('palette.png')
pal.info['transparency'] = 3; pal.save('palette-alpha.png', transparency=3)
Image.fromarray(gray, 'L').save('gray.bmp'); Image.fromarray(rgb, 'RGB').save('rgb.bmp')
Image.fromarray(gray, 'L').save('gray.jpg', quality=100)
Image.fromarray(rgb, 'RGB').save('rgb.jpg', quality=100, subsampling=0)
cmyk = rnd((H, W, 4)); Image.fromarray(cmyk, 'CMYK').save('cmyk.jpg', quality=100)
g16 = np.array([random.randrange(65536) for _ in range(W * H)], dtype=np.uint16).reshape(H, W)
Image.fromarray(g16, 'I;16').save('gray16.png')
# 16-bit RGB: Pillow does not write it, so the PNG is put together here
rgb16 = np.array([random.randrange(65536) for _ in range(W * H * 3)], dtype='>u2').reshape(H, W, 3)
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
raw = b''.join(b'\x00' + rgb16[y].tobytes() for y in range(H))
open('rgb16.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 16, 2, 0, 0, 0))
                              + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
files = ['gray8.png', 'gray-alpha.png', 'rgb8.png', 'rgba8.png', 'palette.png', 'palette-alpha.png', 'gray.bmp', 'rgb.bmp',
         'gray.jpg', 'rgb.jpg', 'cmyk.jpg', 'gray16.png', 'rgb16.png']
with open('pillow-values.csv', 'w') as out:
    out.write('# What Pillow %s reads from each picture here (make_pixels.py made them): file, mode Pillow opens it in,\n' % __import__('PIL').__version__)
    out.write('# x, y, then red, green, blue of convert("RGB") and the gray of convert("L"). Pillow clips 16-bit\n')
    out.write('# gray to 255 where Glassbox keeps the high byte, as Pillow does for 16-bit colour; those rows give\n')
    out.write('# the high byte of the stored value (read by Pillow as mode I) instead.\n')
    out.write('file,mode,x,y,red,green,blue,gray\n')
    for f in files:
        im = Image.open(f)
        mode = im.mode
        if f == 'gray16.png':
            v = np.array(im).astype(np.int64) >> 8
            r = g = b = l = v
        else:
            c = np.array(im.convert('RGB')).astype(int); r, g, b = c[..., 0], c[..., 1], c[..., 2]
            l = np.array(im.convert('L')).astype(int)
        for y in range(H):
            for x in range(W):
                out.write('%s,%s,%d,%d,%d,%d,%d,%d\n' % (f, mode, x, y, r[y, x], g[y, x], b[y, x], l[y, x]))
