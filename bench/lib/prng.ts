// The benchmark data uses the project's one seeded generator.
export { rng, type Rng } from "../../src/util/rng";
