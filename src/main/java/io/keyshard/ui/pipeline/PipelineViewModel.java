package io.keyshard.ui.pipeline;

import io.keyshard.address.Chain;
import io.keyshard.address.DerivationProblem;
import io.keyshard.address.KeyPipeline;
import io.keyshard.client.Workspace;
import io.keyshard.derive.DerivationPath;
import io.keyshard.derive.Network;
import io.keyshard.ui.common.UiTasks;
import io.keyshard.vault.KeyRecord;
import io.keyshard.vault.KeyStatus;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Pipeline screen's logic for one READY key: the chosen chain (only those its curve takes),
 * network, account and index, and the stages keyId -> derivation path -> public key -> address,
 * computed by the workspace's {@link Workspace#derive} exactly as {@code keyshard derive} does, off
 * the UI thread; a {@link DerivationProblem} is worded for this screen's controls.
 */
public final class PipelineViewModel {
    /** Where the stages are computed: {@link Workspace#derive} in the app. */
    @FunctionalInterface
    public interface Derivation {
        KeyPipeline.Result derive(UUID keyId, Chain chain, Network network, int account, int index);
    }

    /** One computed run, for the chain and network it was computed on (what signs at it takes all three from here). */
    public record Stages(
            Chain chain,
            Network network,
            String derivationPath,
            String pathNote,
            String publicKey,
            String publicKeyNote,
            String address,
            String addressNote) {}

    private final KeyRecord key;
    private final UiTasks tasks;
    private final ObservableList<Chain> chains;
    private final ObjectProperty<Chain> chain = new SimpleObjectProperty<>();
    private final ObjectProperty<Network> network = new SimpleObjectProperty<>(Network.MAINNET);
    private final IntegerProperty account = new SimpleIntegerProperty(0);
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final ObjectProperty<Stages> stages = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty();
    private final AtomicLong generation = new AtomicLong();
    private String accountInputProblem;
    private String indexInputProblem;
    private final Derivation derivation;
    private final KeyPipeline.Start start;

    /** @param derivation usually {@code workspace::derive} of the unlocked vault */
    public PipelineViewModel(KeyRecord key, Derivation derivation, UiTasks tasks) {
        if (key.status() != KeyStatus.READY) {
            throw new IllegalArgumentException("addresses need a READY key; this one is " + key.status());
        }
        this.key = key;
        this.start = Workspace.rootOf(key);
        this.tasks = tasks;
        this.derivation = derivation;
        chains = FXCollections.observableArrayList(Chain.forCurve(key.curve()));
        chain.set(chains.get(0));
        chain.addListener((o, a, b) -> recompute());
        network.addListener((o, a, b) -> recompute());
        account.addListener((o, a, b) -> recompute());
        index.addListener((o, a, b) -> recompute());
    }

    /** Computes the stages for the current choices; a newer choice supersedes a run still going. */
    public CompletableFuture<Stages> recompute() {
        long mine = generation.incrementAndGet();
        String inputProblem = accountInputProblem != null ? accountInputProblem : indexInputProblem;
        if (inputProblem != null) { // nothing derived from a number the user did not type
            error.set(inputProblem);
            stages.set(null);
            return CompletableFuture.completedFuture(null);
        }
        Chain c = chain.get();
        Network n = network.get();
        int a = account.get();
        int i = index.get();
        CompletableFuture<Stages> out = new CompletableFuture<>();
        tasks.run(
                () -> compute(c, n, a, i),
                s -> {
                    if (generation.get() == mine) {
                        error.set(null);
                        stages.set(s);
                    }
                    out.complete(s);
                },
                e -> {
                    if (generation.get() == mine) {
                        error.set(UiTasks.unwrap(e) instanceof DerivationProblem p ? worded(p) : UiTasks.message(e));
                        stages.set(null);
                    }
                    out.completeExceptionally(e);
                });
        return out;
    }

    /** A derivation problem in the words of this screen's controls. */
    private String worded(DerivationProblem p) {
        return switch (p.kind()) {
            case NO_ACCOUNT_LEVEL ->
                chain.get() == null
                        ? p.getMessage()
                        : chain.get().title() + " has no account level (m/0/index): set Account to 0.";
            case INDEX_OUT_OF_RANGE -> rangeRule("account".equals(p.subject()) ? "Account" : "Address index");
            default -> p.getMessage();
        };
    }

    /** What the QR code holds: an address to pay, or for did:key an identifier that names the key and takes no funds. */
    static String qrCaption(Chain chain, Network network) {
        if (chain == Chain.DID_KEY) {
            return "Scan to read this identifier (did:key names the key; it is not an address to send funds to)";
        }
        return "Scan to send to this address (" + chain.title() + ", " + network.id() + ")";
    }

    /** The non-hardened path next to the seed wallet's, so nobody expects MetaMask's or Electrum's addresses. */
    static String seedWalletNote(String path) {
        String seed = DerivationPath.seedWalletForm(path);
        return seed == null
                ? DerivationPath.NOT_SEED_WALLET_PATHS
                : "Every level is non-hardened: " + path + " is not "
                        + seed
                        + ", so this address differs from what MetaMask, Ledger or Electrum derive from a seed. MPC "
                        + "keys derive without the private key, which hardened steps need.";
    }

    private static String rangeRule(String what) {
        return what + " must be a whole number from 0 to " + Integer.MAX_VALUE + " (non-hardened).";
    }

    /** The Account field's text as typed: a valid number applies, anything else blanks the stages and says why. */
    public void accountText(String text) {
        Integer v = parse(text);
        accountInputProblem = v == null ? rangeRule("Account") : null;
        apply(account, v);
    }

    /** The Index field's text as typed: a valid number applies, anything else blanks the stages and says why. */
    public void indexText(String text) {
        Integer v = parse(text);
        indexInputProblem = v == null ? rangeRule("Address index") : null;
        apply(index, v);
    }

    private void apply(IntegerProperty target, Integer v) {
        if (v != null && v != target.get()) {
            target.set(v); // recomputes through the listener
        } else {
            recompute();
        }
    }

    /** A whole number 0..2^31-1 written in digits, else null; never truncated to fit. */
    private static Integer parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        long v = Long.parseLong(t);
        return v > Integer.MAX_VALUE ? null : (int) v;
    }

    private Stages compute(Chain c, Network n, int a, int i) {
        KeyPipeline.Result r = derivation.derive(key.keyId(), c, n, a, i);
        String pathNote = c.title() + " default path on " + n.id()
                + (c == Chain.DID_KEY
                        ? " (m/0/index; no account level)"
                        : ": account " + a + ", address index " + i + ". " + seedWalletNote(r.derivationPath()));
        String keyNote = r.derived().description() + " from the root key";
        return new Stages(
                c,
                n,
                r.derivationPath(),
                pathNote,
                r.publicKey(),
                keyNote,
                r.address().value(),
                c.addressRule());
    }

    /** Where every derivation of this key starts (its root public key and chain code). */
    public KeyPipeline.Start start() {
        return start;
    }

    public KeyRecord key() {
        return key;
    }

    /** The one line under the keyId stage. */
    public String keyNote() {
        return key.curve().apiName() + " key, " + key.threshold() + " of "
                + key.servers().size()
                + ": the root public key and chain code the servers agreed on, read from the vault";
    }

    public ObservableList<Chain> chains() {
        return chains;
    }

    public ObjectProperty<Chain> chainProperty() {
        return chain;
    }

    public ObjectProperty<Network> networkProperty() {
        return network;
    }

    public IntegerProperty accountProperty() {
        return account;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public ReadOnlyObjectProperty<Stages> stagesProperty() {
        return stages;
    }

    /** What is wrong with the current choice (e.g. an account on did:key), or null. */
    public StringProperty errorProperty() {
        return error;
    }
}
