package io.slipway.drivers.maas;

import io.slipway.drivers.spi.DriverException;
import io.slipway.drivers.spi.DriverException.Kind;
import io.slipway.drivers.spi.node.Inventory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Translates the {@code lshw -xml} output MAAS keeps from commissioning (script {@code maas-lshw}) into an
 * {@link Inventory}: {@code network} nodes give interface name ({@code logicalname}), MAC ({@code serial})
 * and PCI address ({@code businfo pci@…}); {@code disk} nodes give the kernel name ({@code /dev/…}), size
 * and SCSI or PCI address. These are the fields Drydock's MAAS driver matched its aliases on. Pure.
 */
final class LshwInventory {
    private LshwInventory() {}

    static Inventory parse(String xml, String what) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            root = f.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new DriverException(
                    Kind.FAILED, false, what + ": MAAS's lshw output is not readable XML: " + e.getMessage());
        }
        List<Inventory.Nic> nics = new ArrayList<>();
        List<Inventory.Disk> disks = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            String name = child(n, "logicalname");
            String bus = child(n, "businfo");
            if (name == null) {
                continue;
            }
            if ("network".equals(n.getAttribute("class"))) {
                nics.add(new Inventory.Nic(name, lower(child(n, "serial")), after(bus, "pci@"), null, true, -1));
            } else if ("disk".equals(n.getAttribute("class")) && name.startsWith("/dev/")) {
                String size = child(n, "size");
                disks.add(new Inventory.Disk(
                        name.substring("/dev/".length()),
                        size == null ? 0 : Long.parseLong(size.trim()),
                        child(n, "product"),
                        child(n, "serial"),
                        null,
                        after(bus, "pci@"),
                        after(bus, "scsi@"),
                        false));
            }
        }
        return new Inventory(nics, disks, new Inventory.Cpu(0, null), 0, new Inventory.Dmi(null, null, null));
    }

    /** The text of {@code e}'s direct child {@code tag}, or null. */
    private static String child(Element e, String tag) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && ce.getTagName().equals(tag)) {
                return ce.getTextContent().trim();
            }
        }
        return null;
    }

    private static String after(String businfo, String prefix) {
        return businfo != null && businfo.startsWith(prefix) ? businfo.substring(prefix.length()) : null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }
}
