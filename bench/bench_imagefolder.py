#!/usr/bin/env python3
"""Netloom's image-folder pipeline (decoded-sample cache) against the PyTorch peer, side by side.

Usage: bench_imagefolder.py FOLDER NETLOOM_CLI [EPOCHS=2] [SIZE=64]
FOLDER: one subfolder per class (bench/make_imagefolder.py writes one). Runs, one after the other:
  peer    ../shared/bench/peer_imagefolder.py (torchvision ImageFolder + DataLoader, 2 workers)
  cold    netloom-cli train with an empty sample cache (decoding included)
  warm    the same again (the cache is reused)
  decode  the cache build alone with NETLOOM_DECODE_THREADS=1 and =2 (one batch of training)
For each: wall seconds, time until training starts, and the peak of anonymous memory (RssAnon,
summed over the process and its children, sampled every 50 ms) and of the whole RSS.
  shards  `netloom-cli data pack` of the folder (64 MB shards), then training from the local shards
          (dataset kind webdataset) and from the same shards over loopback HTTP (python3 -m http.server;
          fetched into an empty shard cache first)
BENCH_ONLY=cold,warm runs only those (e.g. the memory budget at SIZE=128 without the peer).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "..", "..", "shared", "bench", "peer_imagefolder.py")
if not os.path.exists(PEER):
    PEER = "/work/shared/bench/peer_imagefolder.py"


def tree(pid):
    pids = [pid]
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                for child in f.read().split():
                    pids += tree(int(child))
    except OSError:
        pass
    return pids


def memory_kb(pid):
    anon = total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("RssAnon:"):
                        anon += int(line.split()[1])
                    elif line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return anon, total


def run(cmd, env, start_marker=None):
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = [0, 0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            anon, total = memory_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], anon), max(peak[1], total)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = None
    lines = []
    for line in proc.stdout:
        lines.append(line.rstrip())
        if start_marker and started is None and start_marker in line:
            started = time.perf_counter() - t0
    proc.wait()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    if proc.returncode != 0:
        print("\n".join(lines[-20:]))
        raise SystemExit(f"{cmd[0]} failed with {proc.returncode}")
    return {"wall_s": round(wall, 2), "start_s": None if started is None else round(started, 2),
            "peak_anon_mb": round(peak[0] / 1024), "peak_rss_mb": round(peak[1] / 1024), "lines": lines}


def project(folder, size, classes):
    with open(os.path.join(HERE, "projects", "reference-cnn.netloom")) as f:
        p = json.load(f)
    p["name"] = "imagefolder-cnn"
    for n in p["graph"]["nodes"]:
        if n["type"] == "Input":
            n["params"].update({"channels": 3, "height": size, "width": size})
        if n["type"] == "Dense":
            n["params"]["units"] = classes
    p["dataset"] = {"kind": "image_folder", "path": os.path.abspath(folder), "validation_split": 0.0, "seed": 42}
    p["preprocess"] = {"image": [{"op": "resize", "width": size, "height": size}, {"op": "scale"}]}
    p["training"].pop("schedule", None)
    return p


def main():
    folder, cli = sys.argv[1], os.path.abspath(sys.argv[2])
    epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    size = int(sys.argv[4]) if len(sys.argv) > 4 else 64
    classes = len([d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d))])
    work = tempfile.mkdtemp(prefix="netloom-bench-")
    try:
        path = os.path.join(work, "imagefolder-cnn.netloom")
        with open(path, "w") as f:
            json.dump(project(folder, size, classes), f, indent=2)
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", NETLOOM_CACHE_DIR=os.path.join(work, "cache"))
        results = {}
        only = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))
        want = lambda name: not only or name in only
        if want("peer"):
            results["peer"] = run([sys.executable if sys.executable.startswith("/usr/bin") else "/usr/bin/python3", PEER,
                               folder, str(epochs), str(size), "2", "2"], env)
        train = [cli, "train", path, "--epochs", str(epochs), "--threads", "2"]
        if want("cold"):
            results["cold"] = run(train + ["--out", os.path.join(work, "run-cold")], env, "run folder:")
        if want("warm"):
            results["warm"] = run(train + ["--out", os.path.join(work, "run-warm")], env, "run folder:")
        for threads in [t for t in ("1", "2") if want("decode" + t)]:
            shutil.rmtree(os.path.join(work, "cache"), ignore_errors=True)
            r = run([cli, "train", path, "--epochs", "1", "--max-batches", "1", "--threads", "2",
                     "--out", os.path.join(work, "run-decode" + threads)],
                    dict(env, NETLOOM_DECODE_THREADS=threads), "run folder:")
            seconds = [float(m.group(1)) for l in r["lines"] for m in [re.search(r"\(100%\) in ([0-9.]+)s", l)] if m]
            r["decode_s"] = seconds[-1] if seconds else None
            results["decode" + threads] = r
        if want("shards"):
            shards = os.path.join(work, "shards")
            t0 = time.perf_counter()
            subprocess.run([cli, "data", "pack", path, "--out", shards, "--shard-size", "64M"], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            pack_s = time.perf_counter() - t0
            with open(os.path.join(shards, "dataset.json")) as f:
                pattern = json.load(f)["shards"]
            streamed = project(folder, size, classes)
            streamed["dataset"] = {"kind": "webdataset", "path": os.path.join(shards, pattern), "seed": 42}
            with open(path, "w") as f:
                json.dump(streamed, f, indent=2)
            results["local"] = run(train + ["--out", os.path.join(work, "run-local")], env, "run folder:")
            results["local"]["pack_s"] = round(pack_s, 1)
            import socket
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            server = subprocess.Popen(["/usr/bin/python3", "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                       "--directory", shards], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
            try:
                streamed["dataset"]["path"] = f"http://127.0.0.1:{port}/{pattern}"
                with open(path, "w") as f:
                    json.dump(streamed, f, indent=2)
                results["http"] = run(train + ["--out", os.path.join(work, "run-http")],
                                      dict(env, NETLOOM_CACHE_DIR=os.path.join(work, "cache-http")), "run folder:")
            finally:
                server.terminate()
                server.wait()
        count = sum(len(files) for _, _, files in os.walk(folder))
        peer = results["peer"]["wall_s"] if "peer" in results else None
        for name, r in results.items():
            extra = ""
            if name.startswith("decode") and r["decode_s"]:
                extra = f"  decode {r['decode_s']:.1f} s = {count / r['decode_s']:.0f} images/s"
            ratio = f"  peer/this {peer / r['wall_s']:.2f}x" if peer and name in ("cold", "warm", "local", "http") else ""
            if name == "local":
                extra = f"  (pack {r['pack_s']} s)"
            if name == "http" and "local" in results:
                extra = f"  local/http {results['local']['wall_s'] / r['wall_s']:.2f}x"
            print(f"{name:8s} wall {r['wall_s']:7.2f} s  start {r['start_s']}  peak anon {r['peak_anon_mb']} MB"
                  f"  peak rss {r['peak_rss_mb']} MB{ratio}{extra}")
            for l in r["lines"]:
                if l.startswith(("epoch", "peer_imagefolder", "skipped", "data version", "training samples")):
                    print("         " + l)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
