import { test, expect, POST_PATH } from './fixtures';

test.describe('a browser that prefers Spanish', () => {
  test.use({ locale: 'es-AR' });

  test('gets the interface in Spanish, the article in English, and Spanish counts and dates', async ({ page }) => {
    await page.clock.install();
    await page.goto(POST_PATH);
    await expect(page.getByRole('button', { name: 'Publicar el comentario' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { name: 'Deja una respuesta' })).toBeVisible();
    await expect(page.getByText('Tu dirección de correo electrónico no será publicada.')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Vídeo' })).toBeVisible();
    await expect(page.locator('.article-section').first()).toHaveAttribute('lang', 'en');

    await page.getByRole('button', { name: 'Publicar el comentario' }).click();
    await expect(page.getByRole('textbox', { name: 'Comentario' })).toHaveAccessibleDescription('Por favor, escribe el texto del comentario.');

    await page.getByRole('textbox', { name: 'Comentario' }).fill('¡Qué película!');
    await page.getByRole('textbox', { name: 'Nombre' }).fill('Lucía');
    await page.getByRole('textbox', { name: 'Correo electrónico' }).fill('lucia@example.com');
    await page.getByRole('button', { name: 'Publicar el comentario' }).click();
    await expect(page.getByRole('heading', { name: '1 comentario en «Miracle in cell no. 7»' })).toBeVisible();
    await expect(page.locator('li.comment time').first()).toHaveText(/^\d{1,2} de [a-z]+ de \d{4} a las \d{1,2}:\d\d$/);
    await expect(page.locator('li.comment')).toContainText('dice:');

    await page.clock.fastForward('00:16');
    await page.getByRole('textbox', { name: 'Comentario' }).fill('Otra vez');
    await page.getByRole('textbox', { name: 'Nombre' }).fill('Lucía');
    await page.getByRole('textbox', { name: 'Correo electrónico' }).fill('lucia@example.com');
    await page.getByRole('button', { name: 'Publicar el comentario' }).click();
    await expect(page.getByRole('heading', { name: '2 comentarios en «Miracle in cell no. 7»' })).toBeVisible();
  });
});

test('the language switch is remembered, and the dark mode toggle too', async ({ page }) => {
  await page.goto(POST_PATH);
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('button', { name: 'Publicar el comentario' })).toBeVisible();
  await page.getByRole('button', { name: 'Modo oscuro' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Modo oscuro' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Publicar el comentario' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 20, 23)');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Post Comment' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('a system in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('gets the dark scheme until the reader chooses light', async ({ page }) => {
    await page.goto(POST_PATH);
    await expect(page.getByRole('button', { name: 'Post Comment' })).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 20, 23)');
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Dark mode' }).click();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 245, 242)');
  });
});

test('the print stylesheet keeps the story and the comments, not the forms', async ({ page }) => {
  await page.goto(POST_PATH);
  await expect(page.getByRole('button', { name: 'Post Comment' })).toBeVisible();
  await page.getByRole('tab', { name: 'Video' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(/Hello! My name is John Amato/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A film of great popularity' })).toBeVisible();
  await expect(page.locator('#respond')).toBeHidden();
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(page.locator('.comments-tools')).toBeHidden();
  await expect(page.locator('.page-settings')).toBeHidden();
});
