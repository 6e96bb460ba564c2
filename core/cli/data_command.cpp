// netloom-cli data pack SOURCE --out DIR [--shard-size SIZE] [--prefix NAME]: WebDataset shards.
#include <iostream>

#include "cli/commands.h"
#include "data/webdataset.h"

namespace netloom::cli {

int dataCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2 || args.positional[0] != "pack" || args.get("out").empty()) {
        err << "usage: netloom-cli data pack FILE --out DIR [--shard-size SIZE] [--prefix NAME]\n";
        return 2;
    }
    auto project = loadProjectFor(args.positional[1], err);
    if (!project) return 2;
    PackOptions options;
    options.outDir = args.get("out");
    if (args.has("shard-size")) {
        options.shardBytes = parseByteSize(args.get("shard-size"));
        if (options.shardBytes <= 0) {
            err << "error: --shard-size \"" << args.get("shard-size") << "\" is not a size like 256M, 1G or 65536\n";
            return 2;
        }
    }
    if (args.has("prefix")) options.prefix = args.get("prefix");
    try {
        PackReport r = packDataset(*project, options, [&err](const DataProgress& p) {
            err << p.stage << ": " << p.done << "/" << p.total << std::endl;
        });
        out << "wrote " << r.samples << " samples in " << r.shards << " shards (" << (r.bytes >> 20) << " MB): "
            << options.outDir << "/" << r.pattern << "\n";
        out << "classes: " << r.classNames.size() << " (in " << options.outDir << "/dataset.json)\n";
        return 0;
    } catch (const std::exception& e) {
        err << "error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace netloom::cli
