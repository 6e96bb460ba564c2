#pragma once
// Small graph builders shared by the core tests.
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace netloom::testing {

inline NodeId add(Graph& g, const std::string& type, std::initializer_list<std::pair<const std::string, ParamValue>> params = {},
                  const std::string& name = {}) {
    Node n;
    n.type = type;
    n.name = name.empty() ? g.uniqueName(type) : name;
    n.params = NodeParams(std::map<std::string, ParamValue>(params));
    return g.addNode(n);
}

// Input → layers... → Output in a chain; returns the ids in order.
inline std::vector<NodeId> chain(Graph& g, const std::vector<NodeId>& ids) {
    for (size_t k = 1; k < ids.size(); ++k) g.connect(ids[k - 1], ids[k], 0);
    return ids;
}

// A fresh folder under /tmp for one test.
// A fresh folder under /tmp, removed with everything in it when the test process exits.
inline std::string makeTempDir() {
    struct Remover {
        std::vector<std::string> dirs;
        ~Remover() {
            std::error_code ignored;
            for (const auto& d : dirs) std::filesystem::remove_all(d, ignored);
        }
    };
    static Remover remover;
    char tmpl[] = "/tmp/netloom-test-XXXXXX";
    std::string dir = mkdtemp(tmpl);
    remover.dirs.push_back(dir);
    return dir;
}

// gtest parameter names for example projects: "fashion-mnist-cnn" → "fashion_mnist_cnn".
inline std::string exampleTestName(const std::string& project) {
    std::string name = project;
    for (char& ch : name)
        if (ch == '-') ch = '_';
    return name;
}

inline std::string projectPath(const std::string& name) {
    return std::string(NETLOOM_SOURCE_DIR) + "/projects/" + name + ".netloom";
}

// The training benchmark's reference networks (the PyTorch peer's), kept apart from the examples.
inline std::string benchProjectPath(const std::string& name) {
    return std::string(NETLOOM_SOURCE_DIR) + "/bench/projects/" + name + ".netloom";
}

}  // namespace netloom::testing
