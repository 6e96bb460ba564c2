// make-messy-data DIR: writes the messy data of tests/core/messy_data.h into DIR, for the
// end-to-end test (tests/newcomer/new-train-export.sh) that starts from it with `netloom-cli new`.
#include <iostream>

#include "../core/messy_data.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make-messy-data DIR\n";
        return 2;
    }
    netloom::testing::MessyCounts n = netloom::testing::writeMessyData(argv[1]);
    std::cout << "wrote " << n.circles + n.squares + n.lonely << " images, " << n.reviews << " reviews, " << n.tableRows
              << " table rows into " << argv[1] << "\n";
    return 0;
}
