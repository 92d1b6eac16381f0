// SecretReport: reporters. Being written.
import SecretScanner
public enum SecretReportModule {}
