# feedlet: `make test` runs every suite; `make demo` serves the demo.
.PHONY: setup test test-native test-wasm test-e2e build size demo bench fuzz clean

setup:
	@scripts/setup.sh

test: setup test-native build size test-wasm test-e2e

test-native:
	cargo test

build: setup
	scripts/build.sh

size:
	scripts/size.sh

test-wasm: setup
	cargo test --target wasm32-unknown-unknown --test web

test-e2e: build
	cd www && node ../tests/e2e/run.mjs

demo: build
	node scripts/serve.mjs --root www --port 8080

bench:
	scripts/bench.sh

fuzz:
	scripts/fuzz.sh

clean:
	cargo clean
	rm -rf www/dist
