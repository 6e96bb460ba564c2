#include "graph/graph.h"

#include <algorithm>

namespace netloom {

NodeId Graph::addNode(Node node) {
    if (node.id == 0) node.id = nextNode_;
    if (node.id < 0 || nodes_.count(node.id)) return 0;
    nextNode_ = std::max(nextNode_, node.id + 1);
    NodeId id = node.id;
    nodes_.emplace(id, std::move(node));
    return id;
}

bool Graph::removeNode(NodeId id) {
    if (!nodes_.erase(id)) return false;
    for (auto it = edges_.begin(); it != edges_.end();) {
        if (it->second.from == id || it->second.to == id) it = edges_.erase(it);
        else ++it;
    }
    return true;
}

EdgeId Graph::connect(NodeId from, NodeId to, int port, EdgeId id) {
    if (!nodes_.count(from) || !nodes_.count(to) || port < 0) return 0;
    if (id == 0) id = nextEdge_;
    if (id < 0 || edges_.count(id)) return 0;
    nextEdge_ = std::max(nextEdge_, id + 1);
    edges_.emplace(id, Edge{id, from, to, port});
    return id;
}

bool Graph::disconnect(EdgeId id) { return edges_.erase(id) != 0; }

const Node* Graph::node(NodeId id) const {
    auto it = nodes_.find(id);
    return it == nodes_.end() ? nullptr : &it->second;
}

Node* Graph::node(NodeId id) {
    auto it = nodes_.find(id);
    return it == nodes_.end() ? nullptr : &it->second;
}

const Edge* Graph::edge(EdgeId id) const {
    auto it = edges_.find(id);
    return it == edges_.end() ? nullptr : &it->second;
}

const Node* Graph::nodeByName(const std::string& name) const {
    for (const auto& [id, n] : nodes_)
        if (n.name == name) return &n;
    return nullptr;
}

std::vector<Edge> Graph::inputsOf(NodeId id) const {
    std::vector<Edge> in;
    for (const auto& [eid, e] : edges_)
        if (e.to == id) in.push_back(e);
    std::stable_sort(in.begin(), in.end(), [](const Edge& a, const Edge& b) { return a.port < b.port; });
    return in;
}

std::vector<Edge> Graph::outputsOf(NodeId id) const {
    std::vector<Edge> out;
    for (const auto& [eid, e] : edges_)
        if (e.from == id) out.push_back(e);
    return out;
}

std::string Graph::uniqueName(const std::string& stem) const {
    if (!nodeByName(stem)) return stem;
    for (int k = 2;; ++k) {
        std::string candidate = stem + std::to_string(k);
        if (!nodeByName(candidate)) return candidate;
    }
}

bool Graph::operator==(const Graph& o) const {
    if (nodes_.size() != o.nodes_.size() || edges_ != o.edges_) return false;
    for (const auto& [id, n] : nodes_) {
        const Node* m = o.node(id);
        if (!m || m->type != n.type || m->name != n.name || !(m->params == n.params) ||
            !(m->position == n.position))
            return false;
    }
    return true;
}

}  // namespace netloom
