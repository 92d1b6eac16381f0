// TokenFormat: the fast format module. No dependencies.
// (Being written: validators, shape finder, entropy, UUID and placeholder classifiers.)
public enum TokenFormatModule {}
