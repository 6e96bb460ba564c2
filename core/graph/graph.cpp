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
    std::vector<EdgeId> touching;
    for (const auto* list : {&in_, &out_})
        if (auto it = list->find(id); it != list->end()) touching.insert(touching.end(), it->second.begin(), it->second.end());
    for (EdgeId e : touching) disconnect(e);
    in_.erase(id);
    out_.erase(id);
    return true;
}

namespace {
void insertSorted(std::vector<EdgeId>& ids, EdgeId id) { ids.insert(std::lower_bound(ids.begin(), ids.end(), id), id); }
void eraseSorted(std::map<NodeId, std::vector<EdgeId>>& lists, NodeId node, EdgeId id) {
    auto it = lists.find(node);
    if (it == lists.end()) return;
    auto& ids = it->second;
    auto pos = std::lower_bound(ids.begin(), ids.end(), id);
    if (pos != ids.end() && *pos == id) ids.erase(pos);
    if (ids.empty()) lists.erase(it);
}
}  // namespace

void Graph::index(const Edge& e) {
    insertSorted(in_[e.to], e.id);
    insertSorted(out_[e.from], e.id);
}

void Graph::unindex(const Edge& e) {
    eraseSorted(in_, e.to, e.id);
    eraseSorted(out_, e.from, e.id);
}

EdgeId Graph::connect(NodeId from, NodeId to, int port, EdgeId id) {
    if (!nodes_.count(from) || !nodes_.count(to) || port < 0) return 0;
    if (id == 0) id = nextEdge_;
    if (id < 0 || edges_.count(id)) return 0;
    nextEdge_ = std::max(nextEdge_, id + 1);
    index(edges_.emplace(id, Edge{id, from, to, port}).first->second);
    return id;
}

bool Graph::disconnect(EdgeId id) {
    auto it = edges_.find(id);
    if (it == edges_.end()) return false;
    unindex(it->second);
    edges_.erase(it);
    return true;
}

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
    if (auto it = in_.find(id); it != in_.end())
        for (EdgeId e : it->second) in.push_back(edges_.at(e));
    std::stable_sort(in.begin(), in.end(), [](const Edge& a, const Edge& b) { return a.port < b.port; });
    return in;
}

std::vector<Edge> Graph::outputsOf(NodeId id) const {
    std::vector<Edge> out;
    if (auto it = out_.find(id); it != out_.end())
        for (EdgeId e : it->second) out.push_back(edges_.at(e));
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
