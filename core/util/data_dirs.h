#pragma once
// Where Netloom finds the files it ships beside its programs: the example projects, the bundle's
// templates and server, the ONNX Runtime verifier. An installed program (PREFIX/bin/netloom-cli)
// looks in PREFIX/share/netloom, wherever PREFIX is (/usr from the .deb, an unpacked .deb, /usr/local);
// a program run from its build tree looks in the source tree.
#include <string>

namespace netloom {

// The first of PREFIX/share/netloom/<installed> (PREFIX: the running program's folder's parent),
// <source tree>/<inSource> and /usr/share/netloom/<installed> that holds `probe` (a path relative to
// it; empty: the folder itself must exist). When none does: /usr/share/netloom/<installed>, so a
// message can name the place where the files belong.
std::string findSharedPath(const std::string& installed, const std::string& inSource, const std::string& probe = {});

}  // namespace netloom
