// SecretLint: what to scan (walkers, config, orchestration). Being written.
import SecretScanner
public enum SecretLintModule {}
