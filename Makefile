# The two commands of the README, plus the steps they are made of.
#   make run    install what is missing, build, open the studio on the default example
#   make test   install what is missing, build, run the whole suite through ctest
#   make package   build, then the Debian package build/netloom_<version>_<arch>.deb (docs/packaging.md)
BUILD_DIR ?= build
BUILD_TYPE ?= Release
GUI ?= ON
PROJECT_FILE ?= projects/fashion-mnist-cnn.netloom
JOBS ?= $(shell nproc)

.PHONY: all deps configure build run test package bench clean

all: build

deps:
	./scripts/install-deps

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DNETLOOM_BUILD_GUI=$(GUI)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	./$(BUILD_DIR)/app/netloom $(PROJECT_FILE)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

package: build
	cd $(BUILD_DIR) && cpack -G DEB

bench: build
	./scripts/bench-training

clean:
	rm -rf $(BUILD_DIR)
