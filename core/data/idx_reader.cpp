// MNIST-style IDX files (idx1 labels, idx3 images), gzipped or not.
#include <zlib.h>

#include <cstring>

#include "data/dataset.h"

namespace netloom {

namespace {

// Whole file, transparently gunzipped (zlib reads plain files as they are).
std::string readMaybeGzipped(const std::string& path) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw DataError(path + ": cannot open (" + std::strerror(errno) + ")");
    gzbuffer(f, 1 << 20);
    std::string data;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) data.append(buf, static_cast<size_t>(n));
    int err = 0;
    const char* msg = gzerror(f, &err);
    std::string error = n < 0 || (err != Z_OK && err != Z_STREAM_END) ? msg : "";
    gzclose(f);
    if (!error.empty()) throw DataError(path + ": corrupt or truncated (" + error + ")");
    return data;
}

uint32_t bigEndian(const std::string& d, size_t at) {
    auto b = reinterpret_cast<const unsigned char*>(d.data() + at);
    return (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | uint32_t(b[3]);
}

}  // namespace

torch::Tensor readIdx(const std::string& path) {
    std::string d = readMaybeGzipped(path);
    if (d.size() < 8) throw DataError(path + ": too short for an IDX header");
    uint32_t magic = bigEndian(d, 0);
    // 0x0000 08 0D: unsigned bytes, D dimensions. Netloom reads idx1 (labels) and idx3 (images).
    if ((magic >> 8) != 0x08 || (magic & 0xFF) == 0 || (magic & 0xFF) > 3)
        throw DataError(path + ": wrong magic number " + std::to_string(magic) +
                        ", expected 2049 (labels) or 2051 (images)");
    size_t dims = magic & 0xFF;
    if (d.size() < 4 + 4 * dims) throw DataError(path + ": truncated header");
    std::vector<int64_t> shape;
    int64_t count = 1;
    for (size_t k = 0; k < dims; ++k) {
        uint32_t s = bigEndian(d, 4 + 4 * k);
        if (s == 0 || s > (1u << 28)) throw DataError(path + ": implausible dimension " + std::to_string(s));
        shape.push_back(s);
        count *= s;
        if (count > (int64_t{1} << 34)) throw DataError(path + ": implausibly large");
    }
    size_t header = 4 + 4 * dims;
    if (d.size() - header != static_cast<size_t>(count))
        throw DataError(path + ": header promises " + std::to_string(count) + " bytes of data, file has " +
                        std::to_string(d.size() - header));
    torch::Tensor t = torch::empty(shape, torch::kUInt8);
    std::memcpy(t.data_ptr<uint8_t>(), d.data() + header, static_cast<size_t>(count));
    return t;
}

}  // namespace netloom
