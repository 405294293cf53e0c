// The shop's own behaviour: "Add to cart" changes the page, "Broken" does not,
// and "Place order" fails with an uncaught error (an error click).
document.getElementById('add-to-cart').addEventListener('click', () => {
  const count = document.getElementById('cart-count');
  count.textContent = String(Number(count.textContent) + 1);
});
document.getElementById('place-order')?.addEventListener('click', () => {
  throw new Error('Payment service rejected the order');
});
