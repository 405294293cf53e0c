// The shop's own behaviour: "Add to cart" changes the page, "Broken" does not.
document.getElementById('add-to-cart').addEventListener('click', () => {
  const count = document.getElementById('cart-count');
  count.textContent = String(Number(count.textContent) + 1);
});
