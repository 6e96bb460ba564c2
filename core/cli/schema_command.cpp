// netloom-cli schema: the project format's JSON Schema, generated from the registry.
#include "cli/commands.h"
#include "project/project_schema.h"

namespace netloom::cli {

int schemaCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (!args.positional.empty()) {
        err << "usage: netloom-cli schema\n";
        return 2;
    }
    out << projectJsonSchema();
    return 0;
}

}  // namespace netloom::cli
