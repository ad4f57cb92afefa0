import { type Page } from "@playwright/test";

/** Fills the vacancy form as an employer would, leaving the title to the caller. */
export async function fillVacancy(page: Page) {
  await page.getByLabel("Centro de empleo").selectOption({ label: "Centro de Empleo Lima Metropolitana — Lima Metropolitana" });
  await page.getByLabel("En qué consiste el trabajo").fill("Ordenarás la mercadería del almacén.\n\n- Recibir pedidos\n- Etiquetar cajas");
  await page.getByLabel("Requisitos").fill("Secundaria completa.");
  await page.getByLabel("Habilidades").fill("orden, trabajo en equipo");
  await page.getByLabel("Resumen en lectura fácil", { exact: true }).fill("Trabajo en un almacén. Ordenas cajas. Te pagan cada mes.");
  await page.getByLabel("Región").selectOption({ label: "Lima Metropolitana" });
  await page.getByLabel("Distrito (opcional)").fill("Ate");
  await page.getByLabel("Modalidad").selectOption({ label: "Presencial" });
  await page.getByLabel("Tipo de contrato").selectOption({ label: "Plazo fijo" });
  await page.getByLabel("Jornada").selectOption({ label: "Tiempo completo" });
  await page.getByLabel("Desde").fill("1200");
  await page.getByLabel("Hasta").fill("1500");
  await page.getByLabel("Puestos disponibles").fill("2");
  const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Fecha de cierre").fill(closes);
  await page.getByLabel("Intérprete de lengua de señas en la entrevista").check();
  await page.getByLabel("Acceso sin escalones").check();
  await page.getByLabel("Cómo es la entrevista (opcional)").fill("En la oficina de Ate, con intérprete si lo pides.");
}
