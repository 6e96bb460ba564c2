#!/usr/bin/env python3
"""Writes a seeded image-folder dataset for the data-pipeline benchmark: CLASSES subfolders of
SIZE×SIZE RGB JPEGs (quality 90), each a class-coloured gradient with stripes and noise, so files
are realistic in size (~15-25 kB) and the classes can be learned.
Usage: make_imagefolder.py OUT [COUNT=20000] [SIZE=256] [CLASSES=10]   (needs python3-numpy, python3-pil)
"""
import os
import sys

import numpy as np
from PIL import Image


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 256
    classes = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    rng = np.random.default_rng(1234)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / size
    for k in range(classes):
        os.makedirs(os.path.join(out, f"class{k:02d}"), exist_ok=True)
    for i in range(count):
        k = i % classes
        hue = np.array([(k * 37) % 256, (k * 91) % 256, (k * 151) % 256], np.float32)
        angle = rng.uniform(0, np.pi)
        stripes = np.sin((xx * np.cos(angle) + yy * np.sin(angle)) * (4 + k) * np.pi)
        img = hue[None, None, :] * (0.5 + 0.25 * stripes[..., None]) + 60 * xx[..., None]
        img += rng.normal(0, 12, img.shape)
        Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(
            os.path.join(out, f"class{k:02d}", f"{i:06d}.jpg"), quality=90)
    print(f"wrote {count} images to {out}")


if __name__ == "__main__":
    main()
