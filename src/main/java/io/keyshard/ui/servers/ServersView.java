package io.keyshard.ui.servers;

import io.keyshard.ui.common.EmptyState;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The Servers place: what MPC servers are and which ones Keyshard uses out of the box. */
public final class ServersView extends StackPane {

    public ServersView() {
        setId("servers-view");
        EmptyState about = new EmptyState(MaterialDesignS.SERVER_NETWORK, "Three local servers, ready when needed",
                "MPC servers each keep one share of every key and work together to create it; no "
                        + "server ever sees the whole private key.",
                "Out of the box Keyshard runs three of them on this computer, OFFICIAL_1, OFFICIAL_2 and "
                        + "OFFICIAL_3, and starts them the first time a key is generated. Servers you run "
                        + "on other machines can be added, so that no single computer holds enough shares to sign.");
        about.withNote(new Label("Live server status and adding remote servers arrive in a coming version "
                + "of Keyshard."));
        getChildren().add(about);
    }
}
