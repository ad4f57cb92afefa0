import { test, expect, expectNoAxeViolationsInEachTheme, newCounsellor, tabTo } from "./support";

/** The demo's past fair, in person, with what it came to. */
const PAST_FAIR = "Feria presencial de empleo inclusivo — Lima";

test("J4: the organiser marks who came to a past fair and reads its outcomes, small groups protected, keyboard only", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  // Each project marks a person of its own: both share the demo's fair.
  const person = project === "hydrated" ? "Rosa Quispe Quispe" : "Miguel Flores Quispe";
  const counsellor = await newCounsellor(browser, {
    name: "Jorge Mamani",
    email: `jorge.outcomes.${project}@senda.test`,
    password: "la clave de Jorge Mamani",
  });

  // From the list of fairs to the past fair's registrations, by keyboard.
  await counsellor.goto("/ferias");
  await tabTo(counsellor, new RegExp(`^${PAST_FAIR}$`));
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(PAST_FAIR);
  await tabTo(counsellor, /^Inscritos y ajustes pedidos/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/ferias\/inscritos\?id=\d+$/);
  const registrations = counsellor.url();

  // She came: marked, said beside her name, and the mark taken away again.
  await tabTo(counsellor, new RegExp(`^Marcar que vino: ${person} `));
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/aviso=asistencia-marcada/);
  await expect(counsellor.getByRole("alert")).toContainText("Marcaste que la persona vino");
  const entry = counsellor.locator("li", { has: counsellor.getByText(person, { exact: true }) });
  await expect(entry).toContainText("Vino (marcado el");
  await expectNoAxeViolationsInEachTheme(counsellor);
  await tabTo(counsellor, new RegExp(`^Quitar la marca: ${person} `));
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/aviso=asistencia-desmarcada/);
  await expect(entry).toContainText("Asistencia sin marcar");

  // The outcomes: totals, conversations and interviews, and the breakdowns as data tables.
  await counsellor.goto(registrations);
  await tabTo(counsellor, /^Ver los resultados de la feria$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/ferias\/resultados\?id=\d+$/);
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(`Resultados de ${PAST_FAIR}`);
  const totals = counsellor.getByRole("table", { name: "En total" });
  await expect(totals.getByRole("row", { name: /Se inscribieron/ })).toContainText("40");
  await expect(totals.getByRole("row", { name: /Contratadas/ })).toContainText("<10");
  const bySex = counsellor.getByRole("table", { name: "Por sexo" });
  await expect(bySex.getByRole("columnheader", { name: "Asistieron" })).toBeVisible();
  await expect(bySex.getByRole("row", { name: /Todas las personas/ })).toContainText("40");
  await expect(counsellor.getByRole("table", { name: "Por tipo de discapacidad" })).toContainText("Sin consentimiento para estadísticas");
  await expect(counsellor.getByRole("table", { name: "Por región" })).toContainText("Callao");
  // "<10" is read out in words; the tables scroll in their own region, reached by keyboard.
  await expect(counsellor.getByText("menos de 10").first()).toBeAttached();
  await tabTo(counsellor, /^Por sexo/);
  await expectNoAxeViolationsInEachTheme(counsellor);

  // The demo company's stand there, and its own figures: no registrations, the fair's alone.
  await counsellor.goto("/ferias");
  await tabTo(counsellor, new RegExp(`^${PAST_FAIR}$`));
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(PAST_FAIR);
  await tabTo(counsellor, /^Textiles Andinos/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/stand\/\d+$/);
  await tabTo(counsellor, /^Ver los resultados del stand$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/ferias\/stand\/resultados\?id=\d+$/);
  const standTotals = counsellor.getByRole("table", { name: "En total" });
  await expect(standTotals.getByRole("row", { name: /Postularon desde la feria/ })).toContainText("14");
  await expect(standTotals.getByRole("row", { name: /Se inscribieron/ })).toHaveCount(0);
  await expectNoAxeViolationsInEachTheme(counsellor);
});
