package vn.motcua.documents;

/** Opens the package-private {@link Samples} to the tests of sub-packages. */
public final class SamplesAccess {
    private SamplesAccess() {
    }

    public static ReceiptData receipt() {
        return Samples.receipt(3);
    }
}
