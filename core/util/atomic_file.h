#pragma once
// Atomic file replacement: write a temporary file beside the target, flush it to disk, then
// rename over the target. A crash at any point leaves either the old file or the new one.
#include <string>

namespace netloom {

// Returns an empty string on success, otherwise a sentence naming the file and the cause.
std::string writeFileAtomically(const std::string& path, const std::string& contents);

// Reads a whole file; returns false and sets `error` when it cannot.
bool readFile(const std::string& path, std::string& contents, std::string& error);

}  // namespace netloom
