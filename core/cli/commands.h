#pragma once
// The subcommands of netloom-cli and the small argument parser they share.
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "project/project.h"

namespace netloom::cli {

struct Arguments {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--epochs 3" → {"epochs", "3"}; flags map to "1"
    bool has(const std::string& name) const { return options.count(name) != 0; }
    std::string get(const std::string& name, const std::string& def = {}) const;
};

// Loads a project for a command; on failure prints "error: <located message>" and returns nothing
// (the command then exits 2).
std::optional<Project> loadProjectFor(const std::string& path, std::ostream& err);

// Parses argv after the subcommand. `flags` take no value. Returns an error sentence or "".
std::string parseArguments(int argc, char** argv, int first, const std::vector<std::string>& flags,
                           const std::vector<std::string>& valued, Arguments& out);

int newCommand(const Arguments& args, std::ostream& out, std::ostream& err);
int validateCommand(const Arguments& args, std::ostream& out, std::ostream& err);
int trainCommand(const Arguments& args, std::ostream& out, std::ostream& err);
int predictCommand(const Arguments& args, std::ostream& out, std::ostream& err);
int exportCommand(const Arguments& args, std::ostream& out, std::ostream& err);
int jobCommand(const Arguments& args, std::ostream& out, std::ostream& err);
int dataCommand(const Arguments& args, std::ostream& out, std::ostream& err);
int layoutCommand(const Arguments& args, std::ostream& out, std::ostream& err);
int schemaCommand(const Arguments& args, std::ostream& out, std::ostream& err);

}  // namespace netloom::cli
