#include "util/data_dirs.h"

#include <filesystem>
#include <system_error>

namespace netloom {

namespace fs = std::filesystem;

std::string findSharedPath(const std::string& installed, const std::string& inSource, const std::string& probe) {
    const std::string standard = "/usr/share/netloom/" + installed;
    std::error_code ec;
    fs::path program = fs::read_symlink("/proc/self/exe", ec);
    std::string beside = ec ? std::string() : (program.parent_path().parent_path() / "share/netloom" / installed).string();
    for (const std::string& dir : {beside, std::string(NETLOOM_SOURCE_DIR) + "/" + inSource, standard}) {
        if (dir.empty()) continue;
        if (fs::exists(probe.empty() ? fs::path(dir) : fs::path(dir) / probe, ec)) return dir;
    }
    return standard;
}

}  // namespace netloom
