import { fireEvent } from "@testing-library/react";
import { FakeAiBackend } from "../test/fakeAi";
import { FakeReportsBackend, LOGO_URL } from "../test/fakeReports";
import { openSettings, screen, waitFor, within } from "../test/render";

async function openBranding(backend = new FakeReportsBackend()) {
  const utils = await openSettings(backend);
  await screen.findByTestId("branding-form");
  return utils;
}

describe("settings: report branding", () => {
  it("shows the stored branding below the AI sections", async () => {
    const backend = new FakeReportsBackend();
    backend.branding = { ...backend.branding, agency_name: "Northwind Social", contact_line: "hi@northwind.co" };
    await openBranding(backend);

    const section = screen.getByTestId("branding-section");
    // Below the AI cards.
    expect(screen.getByTestId("ai-credits").compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId("branding-agency-name")).toHaveValue("Northwind Social");
    expect(screen.getByTestId("branding-primary")).toHaveValue("#4f46e5");
    expect(screen.getByTestId("branding-primary-hex")).toHaveValue("#4f46e5");
    expect(screen.getByTestId("branding-accent-hex")).toHaveValue("#db2777");
    expect(screen.getByTestId("branding-contact")).toHaveValue("hi@northwind.co");
    expect(screen.getByTestId("branding-paper")).toHaveValue("a4");
    expect(screen.getByTestId("branding-white-label")).not.toBeChecked();
    expect(section).toHaveTextContent("No InstaGrowth OS mark on reports");
    expect(screen.queryByTestId("branding-logo-remove")).not.toBeInTheDocument();
  });

  it("saves the form values", async () => {
    const backend = new FakeReportsBackend();
    const { user } = await openBranding(backend);

    await user.type(screen.getByTestId("branding-agency-name"), "  Northwind Social ");
    fireEvent.change(screen.getByTestId("branding-primary"), { target: { value: "#0f766e" } });
    expect(screen.getByTestId("branding-primary-hex")).toHaveValue("#0f766e");
    await user.clear(screen.getByTestId("branding-accent-hex"));
    await user.type(screen.getByTestId("branding-accent-hex"), "#F59E0B");
    expect(screen.getByTestId("branding-accent")).toHaveValue("#f59e0b");
    await user.type(screen.getByTestId("branding-contact"), "hello@northwind.co · northwind.co");
    await user.selectOptions(screen.getByTestId("branding-paper"), "letter");
    await user.click(screen.getByTestId("branding-white-label"));
    expect(screen.getByText("Unsaved changes")).toBeInTheDocument();

    await user.click(screen.getByTestId("branding-save"));

    expect(await screen.findByTestId("branding-saved")).toHaveTextContent("Saved");
    expect(backend.lastCall("branding_set")?.args).toEqual({
      branding: {
        agency_name: "Northwind Social",
        primary_color: "#0f766e",
        accent_color: "#F59E0B",
        contact_line: "hello@northwind.co · northwind.co",
        paper: "letter",
        white_label: true,
        has_logo: false,
      },
    });
    // The stored (normalised) values come back into the form.
    expect(screen.getByTestId("branding-accent-hex")).toHaveValue("#f59e0b");
    expect(screen.getByTestId("branding-agency-name")).toHaveValue("Northwind Social");
  });

  it("shows field errors by field, and clears one when its field changes", async () => {
    const backend = new FakeReportsBackend();
    const { user } = await openBranding(backend);

    await user.clear(screen.getByTestId("branding-primary-hex"));
    await user.type(screen.getByTestId("branding-primary-hex"), "#12");
    // The picker keeps the last valid colour while the code is incomplete.
    expect(screen.getByTestId("branding-primary")).toHaveValue("#4f46e5");
    await user.click(screen.getByTestId("branding-save"));

    expect(await screen.findByTestId("error-primary_color")).toHaveTextContent("“#12” is not a colour like #4f46e5");
    expect(screen.getByTestId("branding-primary-hex")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("branding-saved")).not.toBeInTheDocument();

    await user.type(screen.getByTestId("branding-primary-hex"), "3456");
    expect(screen.queryByTestId("error-primary_color")).not.toBeInTheDocument();

    backend.failNext("branding_set", { code: "invalid_input", field: "agency_name", message: "the agency name is at most 80 characters" });
    await user.click(screen.getByTestId("branding-save"));
    expect(await screen.findByTestId("error-agency_name")).toHaveTextContent("The agency name is at most 80 characters");

    backend.failNext("branding_set", { code: "invalid_input", field: "contact_line", message: "the contact line is at most 160 characters" });
    await user.click(screen.getByTestId("branding-save"));
    expect(await screen.findByTestId("error-contact_line")).toHaveTextContent("The contact line is at most 160 characters");

    backend.failNext("branding_set", { code: "database", field: null, message: "database is locked" });
    await user.click(screen.getByTestId("branding-save"));
    expect(await screen.findByTestId("branding-error")).toHaveTextContent("Database is locked");
  });

  it("previews the cover live, without the InstaGrowth mark when white-labelled", async () => {
    const { user } = await openBranding();
    const preview = screen.getByTestId("branding-preview");
    expect(preview).toHaveTextContent("Instagram account audit");
    expect(preview).toHaveTextContent("Zoe Fitness");
    expect(preview).toHaveAttribute("data-paper", "a4");
    expect(within(preview).getByTestId("branding-preview-mark")).toHaveTextContent("Made with InstaGrowth OS");

    await user.type(screen.getByTestId("branding-agency-name"), "Northwind Social");
    await user.type(screen.getByTestId("branding-contact"), "hello@northwind.co");
    expect(within(preview).getByTestId("branding-preview-agency")).toHaveTextContent("Northwind Social");
    expect(within(preview).getByTestId("branding-preview-contact")).toHaveTextContent("hello@northwind.co");
    fireEvent.change(screen.getByTestId("branding-primary"), { target: { value: "#0f766e" } });
    expect(preview.style.getPropertyValue("--cover-primary")).toBe("#0f766e");

    await user.click(screen.getByTestId("branding-white-label"));
    expect(within(preview).queryByTestId("branding-preview-mark")).not.toBeInTheDocument();
    expect(preview).not.toHaveTextContent("InstaGrowth");

    await user.selectOptions(screen.getByTestId("branding-paper"), "letter");
    expect(preview).toHaveAttribute("data-paper", "letter");
  });

  it("chooses, previews and removes the logo", async () => {
    const backend = new FakeReportsBackend();
    backend.dialogAnswers.push("/Users/me/Pictures/northwind.png");
    const { user } = await openBranding(backend);
    expect(within(screen.getByTestId("branding-preview")).queryByTestId("branding-preview-logo")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("branding-logo-choose"));

    await waitFor(() =>
      expect(within(screen.getByTestId("branding-preview")).getByTestId("branding-preview-logo")).toHaveAttribute("src", LOGO_URL),
    );
    expect(screen.getByTestId("branding-logo-image")).toHaveAttribute("src", LOGO_URL);
    const dialog = backend.lastCall("plugin:dialog|open")!;
    expect(dialog.args.options).toMatchObject({ multiple: false, filters: [{ extensions: ["png", "jpg", "jpeg"] }] });
    expect(backend.lastCall("branding_set_logo")?.args).toEqual({ path: "/Users/me/Pictures/northwind.png" });

    await user.click(screen.getByTestId("branding-logo-remove"));
    await waitFor(() => expect(screen.queryByTestId("branding-logo-image")).not.toBeInTheDocument());
    expect(backend.callsOf("branding_remove_logo")).toHaveLength(1);
    expect(screen.queryByTestId("branding-preview-logo")).not.toBeInTheDocument();
  });

  it("shows a logo error, and does nothing when the picker is closed", async () => {
    const backend = new FakeReportsBackend();
    backend.dialogAnswers.push(null, "/Users/me/logo.gif");
    const { user } = await openBranding(backend);

    await user.click(screen.getByTestId("branding-logo-choose"));
    await waitFor(() => expect(backend.callsOf("plugin:dialog|open")).toHaveLength(1));
    expect(backend.callsOf("branding_set_logo")).toHaveLength(0);

    await user.click(screen.getByTestId("branding-logo-choose"));
    expect(await screen.findByTestId("error-logo")).toHaveTextContent("/Users/me/logo.gif is not a PNG or JPEG image");
  });

  it("keeps the AI settings usable when the branding cannot be loaded", async () => {
    // The plain AI fake knows no branding commands.
    await openSettings(new FakeAiBackend());
    expect(await screen.findByTestId("branding-failed")).toHaveTextContent("The branding could not be loaded");
    expect(screen.getByTestId("ai-provider-form")).toBeInTheDocument();
    expect(screen.queryByTestId("app-error")).not.toBeInTheDocument();
  });
});
